using Caduceus.Gateway.Audit;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Hosting;

/// <summary>
/// The audit record of a change made at the console (kind <c>console</c>): who, which route, a code saying what
/// changed, and the change's security event. Names, codes and hashes only; the change is committed before the page
/// says it is done.
/// </summary>
internal static class ConsoleChangeAudit
{
    public static async Task AppendAsync(
        IAuditLog audit, ConsoleUser user, string route, string code, string? application, string? model, string? eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(
            new AuditRecord
            {
                Time = now,
                Kind = "console",
                Method = "POST",
                Route = route,
                Status = StatusCodes.Status200OK,
                Decision = AuditDecisions.Allowed,
                Code = code,
                KeyId = user.Account.Principal,
                Application = application,
                Model = model,
                EventIds = eventId is null ? [] : [eventId],
            },
            cancellationToken);
    }
}
