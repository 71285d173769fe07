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
/// <c>api-key: KEY</c>. Keys are looked up by hash; the comparison is constant-time.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore keys,
    SecurityEventBus events,
    TimeProvider timeProvider)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var record = await keys.FindAsync(presented, Context.RequestAborted);
        if (record is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, record.Id),
                new Claim(CallerClaims.KeyId, record.Id),
                new Claim(CallerClaims.Application, record.Application),
            ],
            ApiKeyAuthenticationDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyAuthenticationDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var missing = PresentedKey(Request) is null;
        var securityEvent = new SecurityEvent(
            SecurityEventIds.New(),
            timeProvider.GetUtcNow(),
            SecurityEventTypes.AuthenticationFailed,
            missing ? "missing_api_key" : RefusalCodes.InvalidApiKey,
            Application: null,
            Principal: null,
            Request.Path,
            new Dictionary<string, int>(),
            []);
        events.Publish(securityEvent);
        Response.Headers.WWWAuthenticate = "Bearer";
        var message = missing
            ? "No API key was sent. Send it as 'Authorization: Bearer <key>'."
            : "The API key is not valid.";
        await GatewayErrors.WriteAsync(Context, StatusCodes.Status401Unauthorized, RefusalCodes.InvalidApiKey, message, securityEvent.Id);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        GatewayErrors.WriteAsync(Context, StatusCodes.Status403Forbidden, "forbidden", "This key may not use this endpoint.");

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
}
