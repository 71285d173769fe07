using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Caduceus.Gateway.Tests.Authentication;

/// <summary>
/// An OpenID Connect issuer on loopback for the tests: serves its metadata and JWKS, and signs tokens with an RSA key
/// made here. Nothing leaves the machine.
/// </summary>
internal sealed class LocalIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private LocalIssuer(WebApplication app, RsaSecurityKey key, string issuer)
    {
        _app = app;
        _key = key;
        Issuer = issuer;
    }

    public string Issuer { get; }

    public static async Task<LocalIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        string? issuer = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new JsonObject { ["issuer"] = issuer, ["jwks_uri"] = issuer + "/jwks" }));
        app.MapGet("/jwks", () => Results.Json(Jwks(key)));
        await app.StartAsync();
        issuer = app.Urls.First();
        return new LocalIssuer(app, key, issuer);
    }

    /// <summary>A token signed by this issuer, or by <paramref name="signingKey"/> to forge one.</summary>
    public string Token(
        string audience,
        IDictionary<string, object> claims,
        TimeSpan? lifetime = null,
        string? issuer = null,
        SecurityKey? signingKey = null,
        DateTime? notBefore = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = (notBefore ?? now) + (lifetime ?? TimeSpan.FromMinutes(10)),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static JsonObject Jwks(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray
            {
                new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = key.KeyId,
                    ["n"] = Base64Url.EncodeToString(parameters.Modulus),
                    ["e"] = Base64Url.EncodeToString(parameters.Exponent),
                },
            },
        };
    }
}
