using System.Security.Claims;
using Caduceus.Events;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Pipeline;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Access;

/// <summary>
/// For an application with an access matrix (<c>Applications:NAME:Access</c>), works out what this caller may do:
/// its roles' grants for the purpose of use it named. No purpose, or no grant for it, is refused (deny by default).
/// An application without a matrix is governed by its policy alone.
/// </summary>
internal sealed class AccessStage(SecurityEventBus events, TimeProvider timeProvider) : IChatStage
{
    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        var matrix = exchange.Application.Access;
        if (matrix.Count == 0)
        {
            await next(exchange);
            return;
        }

        var context = exchange.HttpContext;
        if (!PurposeOfUse.TryParse(context.Request.Headers[PurposeOfUse.HeaderName], out var purpose))
        {
            await GatewayErrors.WriteAsync(
                context, StatusCodes.Status400BadRequest, RefusalCodes.InvalidRequest, $"{PurposeOfUse.HeaderName} must be one of: {string.Join(", ", PurposeOfUse.All)}.");
            return;
        }

        var grants = context.User.FindAll(ClaimTypes.Role)
            .Select(role => matrix.TryGetValue(role.Value, out var byPurpose) && byPurpose.TryGetValue(purpose, out var grant) ? grant : null)
            .OfType<AccessGrant>()
            .ToList();
        if (grants.Count == 0)
        {
            var denied = exchange.NewEvent(SecurityEventTypes.AuthorizationDenied, RefusalCodes.PurposeNotAllowed, new Dictionary<string, int>(), [], timeProvider.GetUtcNow());
            events.Publish(denied);
            await GatewayErrors.WriteAsync(
                context, StatusCodes.Status403Forbidden, RefusalCodes.PurposeNotAllowed, $"None of this caller's roles may use this application for {purpose}.", denied.Id);
            return;
        }

        exchange.Access = new CallerAccess(purpose, grants);
        await next(exchange);
    }
}
