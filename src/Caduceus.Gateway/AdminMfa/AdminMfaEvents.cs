using Caduceus.Events;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// Publishes the admin MFA security events: who (the admin key), what (type and route), why (the code, e.g.
/// <c>totp_replayed</c>, <c>session_expired</c>, or the dangerous action refused). Never a code, seed, token or assertion.
/// </summary>
internal sealed class AdminMfaEvents(SecurityEventBus events)
{
    public string Publish(HttpContext context, AdminCaller caller, string type, string code) =>
        events.Publish(type, code, caller.Application, caller.KeyId, RequestRoute.Of(context)).Id;
}
