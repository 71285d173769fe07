using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caduceus.Events;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Pipeline;
using Caduceus.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Verification;

/// <summary>
/// <c>/v1/verification</c>: an assistant reports what the caller said (name, date of birth), then the one-time code the
/// caller read back; the gateway answers only with the conversation's status. Bound to the conversation named by
/// <c>X-Caduceus-Conversation-Id</c> of the calling application and key.
/// </summary>
internal static class VerificationEndpoints
{
    private const int MaxBodyBytes = 4096;

    public static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/verification").RequireAuthorization(GatewayPolicies.ModelUse);
        group.MapGet(string.Empty, GetAsync);
        group.MapPost(string.Empty, StartAsync);
        group.MapPost("/code", ConfirmAsync);
        group.MapDelete(string.Empty, EndAsync);
    }

    private static async Task GetAsync(HttpContext context, IOptions<GatewayOptions> options, CallerVerifier verifier, Incidents.ActiveContainment containment)
    {
        if (await ResolveAsync(context, options.Value) is { } caller)
        {
            if (await ReadStateAsync(context, verifier, caller) is not { } state)
            {
                return;
            }

            // An incident that forced callers to verify again makes an earlier verification count for nothing here too.
            var since = (await containment.CurrentAsync(context.RequestAborted)).VerifiedNoEarlierThan(caller.Application, containment.Clock.GetUtcNow());
            await WriteStateAsync(context, state.IsVerified && state.VerifiedAt < since ? ConversationVerification.Unverified : state);
        }
    }

    private static async Task StartAsync(HttpContext context, IOptions<GatewayOptions> options, CallerVerifier verifier, SecurityEventBus events, TimeProvider timeProvider)
    {
        if (await ResolveAsync(context, options.Value) is not { } caller || await ReadBodyAsync(context) is not { } body)
        {
            return;
        }

        var name = body["name"] is JsonValue n && n.TryGetValue<string>(out var nameText) ? nameText.Trim() : null;
        var dateText = body["date_of_birth"] is JsonValue d && d.TryGetValue<string>(out var dateValue) ? dateValue.Trim() : null;
        if (string.IsNullOrEmpty(name) || name.Length > 200
            || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateOfBirth))
        {
            await GatewayErrors.WriteAsync(context, 400, RefusalCodes.InvalidRequest, "The body must be {\"name\": \"...\", \"date_of_birth\": \"YYYY-MM-DD\"}.");
            return;
        }

        await RespondAsync(context, caller, () => verifier.StartAsync(caller.Attempt, name, dateOfBirth, context.RequestAborted), events, timeProvider);
    }

    private static async Task ConfirmAsync(HttpContext context, IOptions<GatewayOptions> options, CallerVerifier verifier, SecurityEventBus events, TimeProvider timeProvider)
    {
        if (await ResolveAsync(context, options.Value) is not { } caller || await ReadBodyAsync(context) is not { } body)
        {
            return;
        }

        var code = body["code"] is JsonValue c && c.TryGetValue<string>(out var codeText) ? codeText.Trim() : null;
        if (code is null || code.Length is 0 or > 16)
        {
            await GatewayErrors.WriteAsync(context, 400, RefusalCodes.InvalidRequest, "The body must be {\"code\": \"...\"}.");
            return;
        }

        await RespondAsync(context, caller, () => verifier.ConfirmAsync(caller.Attempt, code, context.RequestAborted), events, timeProvider);
    }

    private static async Task EndAsync(HttpContext context, IOptions<GatewayOptions> options, CallerVerifier verifier)
    {
        if (await ResolveAsync(context, options.Value) is { } caller)
        {
            try
            {
                await verifier.EndAsync(caller.Attempt.ConversationKey, context.RequestAborted);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            }
            catch (VerificationStateUnavailableException)
            {
                await WriteUnavailableAsync(context);
            }
        }
    }

    private static async Task<ConversationVerification?> ReadStateAsync(HttpContext context, CallerVerifier verifier, Caller caller)
    {
        try
        {
            return await verifier.CurrentAsync(caller.Attempt.ConversationKey, context.RequestAborted);
        }
        catch (VerificationStateUnavailableException)
        {
            await WriteUnavailableAsync(context);
            return null;
        }
    }

    private static Task WriteUnavailableAsync(HttpContext context) =>
        GatewayErrors.WriteAsync(
            context,
            StatusCodes.Status503ServiceUnavailable,
            "verification_unavailable",
            "Caller verification is unavailable: the shared verification state cannot be reached, so no caller counts as verified and answers withhold patients' PHI. Try again shortly.");

    private static async Task RespondAsync(HttpContext context, Caller caller, Func<Task<VerificationResult>> attempt, SecurityEventBus events, TimeProvider timeProvider)
    {
        VerificationResult result;
        try
        {
            result = await attempt();
        }
        catch (VerificationStateUnavailableException)
        {
            await WriteUnavailableAsync(context);
            return;
        }

        switch (result.Outcome)
        {
            case VerificationOutcome.Verified:
                Publish(context, caller, events, SecurityEventTypes.VerificationSucceeded, null);
                await WriteStateAsync(context, result.State);
                break;
            case VerificationOutcome.CodeSent:
                await WriteStateAsync(context, result.State);
                break;
            case VerificationOutcome.NoCodePending:
                await GatewayErrors.WriteAsync(context, 409, RefusalCodes.InvalidRequest, "No code is pending for this conversation: start with POST /v1/verification.");
                break;
            case VerificationOutcome.Ambiguous:
                var ambiguous = Publish(context, caller, events, SecurityEventTypes.VerificationFailed, RefusalCodes.VerificationFailed);
                await GatewayErrors.WriteAsync(context, 403, RefusalCodes.VerificationFailed, "The caller could not be verified automatically; transfer the call to the practice.", ambiguous);
                break;
            case VerificationOutcome.Locked:
                var locked = Publish(context, caller, events, SecurityEventTypes.VerificationLocked, RefusalCodes.VerificationLocked);
                var seconds = Math.Max(1, (int)Math.Ceiling(((result.RetryAt ?? timeProvider.GetUtcNow()) - timeProvider.GetUtcNow()).TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await GatewayErrors.WriteAsync(context, 429, RefusalCodes.VerificationLocked, "Too many failed verification attempts; try again later.", locked);
                break;
            default:
                var failed = Publish(context, caller, events, SecurityEventTypes.VerificationFailed, RefusalCodes.VerificationFailed);
                await GatewayErrors.WriteAsync(context, 403, RefusalCodes.VerificationFailed, "The details given did not verify the caller.", failed);
                break;
        }
    }

    private static string Publish(HttpContext context, Caller caller, SecurityEventBus events, string type, string? code) =>
        events.Publish(type, code, caller.Application, caller.KeyId, RequestRoute.Of(context)).Id;

    private static Task WriteStateAsync(HttpContext context, ConversationVerification state) =>
        context.Response.WriteAsJsonAsync(
            new JsonObject
            {
                ["status"] = state.Status switch
                {
                    VerificationStatus.Verified => "verified",
                    VerificationStatus.CodeSent => "code_sent",
                    _ => "unverified",
                },
                ["patient_id"] = state.IsVerified ? state.PatientId : null,
                ["expires_at"] = state.Status == VerificationStatus.Unverified ? null : state.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
            },
            context.RequestAborted);

    private static async Task<Caller?> ResolveAsync(HttpContext context, GatewayOptions options)
    {
        if (!CallerApplication.TryResolve(context, options, out var applicationName, out var application))
        {
            await CallerApplication.RefuseAsync(context);
            return null;
        }

        if (!application.CallerVerification.Required)
        {
            await GatewayErrors.WriteAsync(context, 404, "verification_not_enabled", "Caller verification is not enabled for this application.");
            return null;
        }

        if (!ConversationScope.TryGetClientId(context, out var conversationId, out var problem) || conversationId is null)
        {
            await GatewayErrors.WriteAsync(context, 400, RefusalCodes.InvalidRequest, problem ?? $"{ConversationScope.HeaderName} is required: verification belongs to one conversation.");
            return null;
        }

        var keyId = CallerClaims.KeyIdOf(context.User)!;
        var attempt = new VerificationAttempt(
            ConversationScope.IdFor(applicationName, keyId, conversationId), context.Connection.RemoteIpAddress?.ToString(), application.CallerVerification);
        return new Caller(applicationName, keyId, attempt);
    }

    private static async Task<JsonObject?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await GatewayErrors.WriteAsync(context, 413, RefusalCodes.RequestTooLarge, $"The body must be at most {MaxBodyBytes} bytes.");
            return null;
        }

        try
        {
            var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            if (buffer.Length > MaxBodyBytes)
            {
                await GatewayErrors.WriteAsync(context, 413, RefusalCodes.RequestTooLarge, $"The body must be at most {MaxBodyBytes} bytes.");
                return null;
            }

            if (JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is JsonObject body)
            {
                return body;
            }
        }
        catch (JsonException)
        {
        }

        await GatewayErrors.WriteAsync(context, 400, RefusalCodes.InvalidRequest, "The body must be a JSON object.");
        return null;
    }

    private sealed record Caller(string Application, string KeyId, VerificationAttempt Attempt);
}
