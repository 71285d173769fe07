using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Caduceus.Events;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Keys;
using Caduceus.Policy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Authentication;

/// <summary>
/// Authenticates clients by API key, sent as <c>Authorization: Bearer KEY</c> (what OpenAI clients send) or
/// <c>api-key: KEY</c>. Keys are looked up by hash; unknown, revoked, expired and replaced keys are refused, each
/// refusal counts against the source address, and every refusal is a security event (key id, application, route and
/// reason; never the secret).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyLookup keys,
    ApiKeyUsageRecorder usage,
    AuthenticationFailureLimiter failures,
    SecurityEventBus events,
    TimeProvider timeProvider)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    // The handler lives for one request, so what authentication learned is still here when the challenge comes.
    private Refusal? _refusal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var address = Context.Connection.RemoteIpAddress;
        if (failures.IsThrottled(address, out var retryAfter))
        {
            _refusal = new Refusal(RefusalCodes.TooManyFailedAuthentications, null, retryAfter);
            return AuthenticateResult.Fail("Too many failed authentications from this address.");
        }

        var match = await keys.FindAsync(presented, Context.RequestAborted);
        var reason = match is null ? ApiKeyRefusalReason.Unknown : match.RefusalAt(timeProvider.GetUtcNow());
        if (reason is not null)
        {
            failures.RecordFailure(address);
            _refusal = new Refusal(AuthenticationEventCodes.For(reason.Value), match?.Record, null);
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var record = match!.Record;
        await usage.RecordAsync(record.Id);
        var principal = CallerClaims.Principal(record.Id, record.Application, record.Roles, ApiKeyAuthenticationDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyAuthenticationDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var missing = PresentedKey(Request) is null;
        var refusal = _refusal ?? new Refusal(missing ? AuthenticationEventCodes.MissingApiKey : AuthenticationEventCodes.UnknownApiKey, null, null);
        var throttled = refusal.RetryAfter is not null;
        var securityEvent = Publish(
            throttled ? SecurityEventTypes.AuthenticationThrottled : SecurityEventTypes.AuthenticationFailed,
            refusal.Code,
            refusal.Key?.Application,
            refusal.Key?.Id);

        if (refusal.RetryAfter is { } retryAfter)
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await GatewayErrors.WriteAsync(
                Context,
                StatusCodes.Status429TooManyRequests,
                RefusalCodes.TooManyFailedAuthentications,
                "Too many failed authentications from this address; try again after the time in Retry-After.",
                securityEvent.Id);
            return;
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        var message = missing
            ? "No API key was sent. Send it as 'Authorization: Bearer <key>'."
            : "The API key is not valid.";
        await GatewayErrors.WriteAsync(Context, StatusCodes.Status401Unauthorized, RefusalCodes.InvalidApiKey, message, securityEvent.Id);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var securityEvent = Publish(
            SecurityEventTypes.AuthorizationDenied,
            RefusalCodes.RoleNotAllowed,
            CallerClaims.ApplicationOf(Context.User),
            CallerClaims.KeyIdOf(Context.User));
        await GatewayErrors.WriteAsync(
            Context, StatusCodes.Status403Forbidden, RefusalCodes.RoleNotAllowed, "This key's roles do not allow this endpoint.", securityEvent.Id);
    }

    private SecurityEvent Publish(string type, string code, string? application, string? keyId) =>
        events.Publish(type, code, application, keyId, RequestRoute.Of(Context));

    private static string? PresentedKey(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization[BearerPrefix.Length..].Trim();
            return token.Length > 0 ? token : null;
        }

        string? apiKey = request.Headers["api-key"];
        return string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
    }

    /// <summary>Why this request's key was refused; <see cref="RetryAfter"/> is set when its address is throttled.</summary>
    private sealed record Refusal(string Code, ApiKeyRecord? Key, TimeSpan? RetryAfter);
}
