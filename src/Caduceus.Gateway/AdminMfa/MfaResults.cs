using System.Globalization;
using System.Text.Json.Nodes;
using Caduceus.Events;
using Caduceus.Gateway.Admin;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>Answers of the MFA endpoints: JSON bodies, and refusals of a proof as problem details with their security event.</summary>
internal static class MfaResults
{
    public static IResult Json(HttpContext context, JsonObject body, int statusCode = StatusCodes.Status200OK)
    {
        // Answers here may carry a session token, an otpauth URI or a challenge: no cache keeps them.
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(body.ToJsonString(), "application/json", statusCode: statusCode);
    }

    /// <summary>The refusal for a proof that was not accepted: 400 malformed, 401 failed, 429 locked (with Retry-After), 503 when the failure counters cannot be reached.</summary>
    public static IResult Refusal(HttpContext context, AdminCaller caller, MfaProofResult result, AdminMfaEvents events)
    {
        var eventId = events.Publish(context, caller, result.Outcome == MfaProofOutcome.Locked ? SecurityEventTypes.MfaLocked : SecurityEventTypes.MfaFailed, result.Reason!);
        switch (result.Outcome)
        {
            case MfaProofOutcome.Malformed:
                return AdminResults.Problem(StatusCodes.Status400BadRequest, RefusalCodes.InvalidRequest, result.Detail!, eventId);
            case MfaProofOutcome.Locked:
                return Locked(context, result.Lock!, eventId);
            case MfaProofOutcome.Unavailable:
                return AdminResults.Problem(
                    StatusCodes.Status503ServiceUnavailable,
                    RefusalCodes.MfaUnavailable,
                    "The shared failure counters that limit second-factor guessing cannot be reached, so no code or passkey is checked now; try again shortly.",
                    eventId);
            default:
                if (result.Lock is { } started)
                {
                    // This failure used up the last attempt: the lockout it starts is an event of its own.
                    events.Publish(context, caller, SecurityEventTypes.MfaLocked, started.Reason);
                }

                return AdminResults.Problem(StatusCodes.Status401Unauthorized, RefusalCodes.MfaFailed, "The code or passkey was not accepted.", eventId);
        }
    }

    private static IResult Locked(HttpContext context, MfaLock locked, string eventId)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(locked.RetryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return AdminResults.Problem(
            StatusCodes.Status429TooManyRequests,
            RefusalCodes.MfaLocked,
            "Too many failed second-factor attempts for this key or from this address; try again after the time in Retry-After.",
            eventId);
    }

    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static JsonObject FactorView(MfaFactor factor) => new()
    {
        ["id"] = factor.Id,
        ["kind"] = factor.Kind == MfaFactorKind.WebAuthn ? "webauthn" : "totp",
        ["label"] = factor.Label,
        ["confirmed"] = factor.IsConfirmed,
        ["created_at"] = Time(factor.CreatedAt),
        ["last_used_at"] = factor.LastUsedAt is { } used ? Time(used) : null,
    };
}
