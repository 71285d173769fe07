using System.Security.Claims;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Training;

/// <summary>
/// Decides whether the person behind an admin action (admin API or console) may act, given their training. Only
/// people are held to it: a caller whose key carries the <c>service</c> role is a machine. Anyone else acting as an
/// admin must hold a current completion of every course the admin role (and their registered roles) require; an
/// identity not in the register holds none. A refusal is a <c>training.lapsed</c> event, noted on the request's
/// audit record.
/// </summary>
internal sealed class TrainingEnforcement(
    TrainingRecords records, ITrainingStore store, IOptions<TrainingOptions> options, SecurityEventBus events)
{
    /// <summary>The refusal to give, or null when the caller may act.</summary>
    public async Task<TrainingRefusal?> CheckAsync(HttpContext context)
    {
        var user = context.User;
        if (IsMachine(user) || CallerClaims.KeyIdOf(user) is not { } principal || !await IsOnAsync(context.RequestAborted))
        {
            return null;
        }

        var standing = await records.StandingForAsync(principal, TrainingRoles.Admin, context.RequestAborted);
        if (!standing.IsOverdue)
        {
            return null;
        }

        var overdue = standing.Overdue;
        var securityEvent = events.Publish(
            TrainingCodes.LapsedEvent, string.Join(',', overdue.Select(c => c.CourseId)), CallerClaims.ApplicationOf(user), principal, RequestRoute.Of(context));
        RequestAudit.Of(context)?.AddEventId(securityEvent.Id);
        var detail = $"Admin actions need current training, and yours has lapsed or was never recorded: {string.Join(", ", overdue.Select(c => c.Describe()))}. "
            + "Ask a colleague or whoever runs the gateway to record the completions (caduceus training complete), then repeat the request.";
        return new TrainingRefusal(detail, securityEvent.Id, overdue.Select(c => c.CourseId).ToArray());
    }

    private async Task<bool> IsOnAsync(CancellationToken cancellationToken) =>
        options.Value.EnforceForAdminActions ?? await store.AnyPeopleAsync(cancellationToken);

    private static bool IsMachine(ClaimsPrincipal user) => user.IsInRole(CallerRoles.Service);
}
