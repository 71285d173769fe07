using Caduceus.Events;
using Caduceus.Gateway.Admin;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.ThreatIntel;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Refuses authenticated callers that a containment block shuts out, by caller, application or source address (403
/// with a problem and a security event). The admin API stays reachable, so responders can always lift a block.
/// </summary>
internal sealed class ContainmentMiddleware(RequestDelegate next, ActiveContainment containment, SecurityEventBus events, FindingValueHasher addressHasher, ThreatSightings sightings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true || AdminApi.Owns(context.Request.Path))
        {
            await next(context);
            return;
        }

        var snapshot = await containment.CurrentAsync(context.RequestAborted);
        var principal = CallerClaims.KeyIdOf(context.User);
        var application = CallerClaims.ApplicationOf(context.User);
        var source = snapshot.HasAddressBlocks && context.Connection.RemoteIpAddress is { } address ? SourceAddresses.Hash(addressHasher, address) : null;
        if (snapshot.RefusalFor(principal, application, source, containment.Clock.GetUtcNow()) is not { } block)
        {
            await next(context);
            return;
        }

        if (block.Kind == ContainmentBlockKind.Address && block.Action != ThreatIndicatorOrigins.Taxii && context.Connection.RemoteIpAddress is { } blocked)
        {
            // A person or playbook judged this address abusive; a feed's own blocks are not re-shared as our sightings.
            sightings.SourceAddress(blocked);
        }

        var (code, detail) = block.Kind switch
        {
            ContainmentBlockKind.Principal => (RefusalCodes.CallerSuspended, "This caller is suspended while a security incident is handled."),
            ContainmentBlockKind.Address => (RefusalCodes.SourceBlocked, "Requests from this network address are blocked while a security incident is handled."),
            _ => (RefusalCodes.ApplicationDisabled, "This application is disabled while a security incident is handled."),
        };
        var refused = events.Publish(SecurityEventTypes.AuthorizationDenied, code, application, principal, RequestRoute.Of(context));
        await GatewayErrors.WriteAsync(context, StatusCodes.Status403Forbidden, code, detail, refused.Id);
    }
}
