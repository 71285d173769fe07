using System.Text.Json.Nodes;
using Caduceus.Events;
using Caduceus.Gateway.Admin;
using Caduceus.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// <c>/admin/session</c>: an admin key plus a second-factor proof opens a session; the session's token goes in
/// <c>X-Caduceus-Admin-Session</c> on every other admin request. Step-up renews the proof for dangerous actions.
/// </summary>
internal static class AdminSessionEndpoints
{
    public static void Map(RouteGroupBuilder session)
    {
        session.MapPost("/", OpenAsync).AllowWithKeyOnly();
        session.MapPost("/webauthn/options", AssertionOptionsAsync).AllowWithKeyOnly();
        session.MapGet("/", Show);
        session.MapPost("/step-up", StepUpAsync);
        session.MapDelete("/", EndAsync);
    }

    private static async Task<IResult> OpenAsync(
        HttpContext context, MfaProofVerifier verifier, IMfaFactorStore factors, IAdminSessionStore sessions,
        AdminMfaEvents events, AdminMfaLog log, IOptions<AdminMfaOptions> options, TimeProvider timeProvider)
    {
        var caller = AdminCaller.From(context);
        var (proof, error) = await AdminResults.ReadBodyAsync(context, AdminMfaJsonContext.Default.MfaProofRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        if (!await factors.HasConfirmedAsync(caller.KeyId, context.RequestAborted))
        {
            var eventId = events.Publish(context, caller, SecurityEventTypes.MfaRequired, "no_factor_enrolled");
            return AdminResults.Problem(
                StatusCodes.Status401Unauthorized,
                RefusalCodes.MfaRequired,
                "This admin key has no second factor yet: enroll one (POST /admin/mfa/totp or POST /admin/mfa/webauthn/options) first.",
                eventId);
        }

        var result = await verifier.VerifyAsync(caller, proof!, context.RequestAborted);
        if (result.Outcome != MfaProofOutcome.Accepted)
        {
            return MfaResults.Refusal(context, caller, result, events);
        }

        var now = timeProvider.GetUtcNow();
        var token = AdminSessionTokens.Generate();
        var session = new AdminSession(AdminSessionTokens.Hash(token), caller.KeyId, now, now, now);
        await sessions.PurgeAsync(now - options.Value.SessionMaxLifetime, context.RequestAborted);
        await sessions.AddAsync(session, context.RequestAborted);
        events.Publish(context, caller, SecurityEventTypes.MfaSucceeded, "session_opened");
        log.SessionOpened(caller.KeyId, session.Handle, result.Factor!.Id);

        var body = SessionView(session, options.Value);
        body["session"] = token;
        return MfaResults.Json(context, body, StatusCodes.Status201Created);
    }

    private static async Task<IResult> AssertionOptionsAsync(
        HttpContext context, IMfaFactorStore factors, IWebAuthnCeremonyStore ceremonies, AdminWebAuthn webAuthn,
        IOptions<AdminMfaOptions> options, TimeProvider timeProvider)
    {
        var caller = AdminCaller.From(context);
        var passkeys = (await factors.ListAsync(caller.KeyId, context.RequestAborted))
            .Where(f => f is { Kind: MfaFactorKind.WebAuthn, IsConfirmed: true })
            .Select(f => f.CredentialId!)
            .ToArray();
        if (passkeys.Length == 0)
        {
            return AdminResults.Problem(StatusCodes.Status409Conflict, "no_passkey", "This admin key has no passkey; use a TOTP code, or enroll a passkey.");
        }

        var now = timeProvider.GetUtcNow();
        var assertionOptions = webAuthn.AssertionOptions(passkeys);
        var ceremony = new WebAuthnCeremony(
            WebAuthnCeremony.NewId(), caller.KeyId, WebAuthnCeremonyPurpose.Assertion, null, assertionOptions.ToJson(), now + options.Value.WebAuthn.CeremonyTimeout);
        await ceremonies.AddAsync(ceremony, now, context.RequestAborted);
        return MfaResults.Json(context, new JsonObject
        {
            ["ceremony_id"] = ceremony.Id,
            ["expires_at"] = MfaResults.Time(ceremony.ExpiresAt),
            ["options"] = JsonNode.Parse(ceremony.OptionsJson),
        });
    }

    private static IResult Show(HttpContext context, IOptions<AdminMfaOptions> options) =>
        MfaResults.Json(context, SessionView(context.Features.GetRequiredFeature<AdminSession>(), options.Value));

    private static async Task<IResult> StepUpAsync(
        HttpContext context, MfaProofVerifier verifier, IAdminSessionStore sessions, AdminMfaEvents events, AdminMfaLog log,
        IOptions<AdminMfaOptions> options, TimeProvider timeProvider)
    {
        var caller = AdminCaller.From(context);
        var session = context.Features.GetRequiredFeature<AdminSession>();
        var (proof, error) = await AdminResults.ReadBodyAsync(context, AdminMfaJsonContext.Default.MfaProofRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        var result = await verifier.VerifyAsync(caller, proof!, context.RequestAborted);
        if (result.Outcome != MfaProofOutcome.Accepted)
        {
            return MfaResults.Refusal(context, caller, result, events);
        }

        var now = timeProvider.GetUtcNow();
        await sessions.MarkVerifiedAsync(session.TokenHash, now, context.RequestAborted);
        events.Publish(context, caller, SecurityEventTypes.MfaSucceeded, "step_up");
        log.SteppedUp(caller.KeyId, session.Handle, result.Factor!.Id);
        return MfaResults.Json(context, SessionView(session with { LastSeenAt = now, VerifiedAt = now }, options.Value));
    }

    private static async Task<IResult> EndAsync(HttpContext context, IAdminSessionStore sessions, AdminMfaLog log)
    {
        var session = context.Features.GetRequiredFeature<AdminSession>();
        await sessions.RemoveAsync(session.TokenHash, context.RequestAborted);
        log.SessionEnded(session.KeyId, session.Handle);
        return Results.NoContent();
    }

    private static JsonObject SessionView(AdminSession session, AdminMfaOptions options) => new()
    {
        ["key_id"] = session.KeyId,
        ["created_at"] = MfaResults.Time(session.CreatedAt),
        ["expires_at"] = MfaResults.Time(session.ExpiresAt(options)),
        ["idle_timeout_seconds"] = (int)options.SessionIdleTimeout.TotalSeconds,
        ["step_up_until"] = MfaResults.Time(session.VerifiedAt + options.StepUpWindow),
    };
}
