using Caduceus.Events;
using Caduceus.Gateway.Admin;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// The admin API's second gate, after the admin key and role: deny by default. Every admin endpoint needs an open MFA
/// session of the same key (header <c>X-Caduceus-Admin-Session</c>) unless its <see cref="AdminAccess"/> says
/// otherwise, and dangerous actions also need a recent proof. Each refusal is a security event and a 401 problem.
/// </summary>
internal sealed class AdminMfaGate(
    IAdminSessionStore sessions,
    IMfaFactorStore factors,
    AdminMfaEvents events,
    IOptions<AdminMfaOptions> options,
    TimeProvider timeProvider) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var access = http.GetEndpoint()?.Metadata.GetMetadata<AdminAccess>() ?? AdminAccess.Default;
        if (access.Kind == AdminAccessKind.KeyOnly)
        {
            return await next(context);
        }

        var caller = AdminCaller.From(http);
        var hasFactor = await factors.HasConfirmedAsync(caller.KeyId, http.RequestAborted);
        if (access.Kind == AdminAccessKind.Enrollment && !hasFactor)
        {
            return await next(context);
        }

        var (session, refusal) = await OpenSessionAsync(http, caller.KeyId, hasFactor);
        if (session is null)
        {
            var eventId = events.Publish(http, caller, SecurityEventTypes.MfaRequired, refusal!);
            return AdminResults.Problem(StatusCodes.Status401Unauthorized, RefusalCodes.MfaRequired, Explain(refusal!), eventId);
        }

        if (access.StepUpAction is { } action && !session.HasRecentProof(timeProvider.GetUtcNow(), options.Value))
        {
            var eventId = events.Publish(http, caller, SecurityEventTypes.MfaStepUpRequired, action);
            return AdminResults.Problem(
                StatusCodes.Status401Unauthorized,
                RefusalCodes.StepUpRequired,
                $"'{action}' needs a second-factor proof from the last {options.Value.StepUpWindow.TotalMinutes:0} minutes: POST /admin/session/step-up, then repeat the request.",
                eventId);
        }

        http.Features.Set(session);
        return await next(context);
    }

    /// <summary>The request's session, touched; or why there is none (an event code).</summary>
    private async Task<(AdminSession? Session, string? Refusal)> OpenSessionAsync(HttpContext http, string keyId, bool hasFactor)
    {
        string? token = http.Request.Headers[AdminSessionTokens.HeaderName];
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, hasFactor ? "session_missing" : "no_factor_enrolled");
        }

        var hash = AdminSessionTokens.Hash(token.Trim());
        var session = await sessions.FindAsync(hash, http.RequestAborted);
        if (session is null)
        {
            return (null, "session_unknown");
        }

        if (session.KeyId != keyId)
        {
            return (null, "session_other_key");
        }

        var now = timeProvider.GetUtcNow();
        if (session.EndReasonAt(now, options.Value) is { } ended)
        {
            await sessions.RemoveAsync(hash, http.RequestAborted);
            return (null, ended);
        }

        await sessions.TouchAsync(hash, now, http.RequestAborted);
        return (session with { LastSeenAt = now }, null);
    }

    private static string Explain(string refusal) => refusal switch
    {
        "no_factor_enrolled" =>
            "This admin key has no second factor yet, so it may only enroll one: POST /admin/mfa/totp or POST /admin/mfa/webauthn/options.",
        "session_expired" or "session_idle" => "The MFA session has ended; open a new one with POST /admin/session.",
        "session_missing" =>
            $"The admin API needs an MFA session: POST /admin/session with a TOTP code or passkey, then send the token as {AdminSessionTokens.HeaderName}.",
        _ => "The MFA session is not valid for this key; open one with POST /admin/session.",
    };
}
