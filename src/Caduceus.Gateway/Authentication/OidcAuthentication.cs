using System.Security.Claims;
using Caduceus.Events;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Identity;
using Caduceus.Policy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Caduceus.Gateway.Authentication;

/// <summary>
/// Accepts JWT bearer tokens from the configured OpenID Connect issuer next to API keys: signature (keys from the
/// issuer's JWKS), issuer, audience and lifetime are validated; the token's roles are mapped to Caduceus roles and its
/// application claim must name a configured application. A request is routed by what it presents: a token with the
/// shape of a JWT goes to this scheme, anything else to the API key scheme. Refusals are security events, never
/// carrying the token.
/// </summary>
internal static class OidcAuthentication
{
    public const string Scheme = "CaduceusOidc";

    /// <summary>The scheme the gateway authenticates with: it picks the API key or the OIDC scheme per request.</summary>
    public const string CallerScheme = "CaduceusCaller";

    public static void Add(AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var options = configuration.GetSection("Oidc").Get<OidcOptions>() ?? new OidcOptions();
        authentication.AddPolicyScheme(CallerScheme, "API key or OIDC token", scheme =>
            scheme.ForwardDefaultSelector = context => options.IsEnabled && PresentsJwt(context.Request) ? Scheme : ApiKeyAuthenticationDefaults.Scheme);
        if (!options.IsEnabled)
        {
            return;
        }

        authentication.AddJwtBearer(Scheme, jwt =>
        {
            var issuer = options.Issuer!.TrimEnd('/');
            jwt.MetadataAddress = options.MetadataAddress ?? issuer + "/.well-known/openid-configuration";

            // Plain HTTP metadata only from this machine (a test or a sidecar issuer); anything else must use TLS.
            jwt.RequireHttpsMetadata = !IsLoopback(jwt.MetadataAddress);
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = options.ClockSkew,
            };
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context => MapClaims(context, options),
                OnChallenge = Challenge,
                OnForbidden = Forbidden,
            };
        });
    }

    private static bool PresentsJwt(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = authorization.AsSpan(7).Trim();
        return token.Count('.') == 2 && token.StartsWith("ey", StringComparison.Ordinal);
    }

    private static bool IsLoopback(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;

    // The Caduceus principal: the token's subject as the principal id, its application, and its mapped roles only.
    private static Task MapClaims(TokenValidatedContext context, OidcOptions options)
    {
        var token = context.Principal!;
        var subject = token.FindFirstValue("sub");
        var application = token.FindFirstValue(options.ApplicationClaim);
        var gateway = context.HttpContext.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
        if (string.IsNullOrEmpty(subject) || application is null || !gateway.Applications.ContainsKey(application))
        {
            context.Fail("The token names no subject or no configured application.");
            return Task.CompletedTask;
        }

        var roles = token.FindAll(options.RolesClaim)
            .Select(claim => options.RoleMap.TryGetValue(claim.Value, out var target) ? target : claim.Value)
            .Where(CallerRoles.IsKnown);
        context.Principal = CallerClaims.Principal("oidc:" + subject, application, roles, Scheme);
        return Task.CompletedTask;
    }

    private static async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var securityEvent = Publish(context.HttpContext, SecurityEventTypes.AuthenticationFailed, RefusalCodes.InvalidToken);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await GatewayErrors.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, RefusalCodes.InvalidToken, "The bearer token is not valid.", securityEvent.Id);
    }

    private static async Task Forbidden(ForbiddenContext context)
    {
        var securityEvent = Publish(context.HttpContext, SecurityEventTypes.AuthorizationDenied, RefusalCodes.RoleNotAllowed);
        await GatewayErrors.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, RefusalCodes.RoleNotAllowed, "This token's roles do not allow this endpoint.", securityEvent.Id);
    }

    private static SecurityEvent Publish(HttpContext context, string type, string code) =>
        context.RequestServices.GetRequiredService<SecurityEventBus>()
            .Publish(type, code, CallerClaims.ApplicationOf(context.User), CallerClaims.KeyIdOf(context.User), RequestRoute.Of(context));
}
