using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Caduceus.Gateway.Tests.Authentication;

public sealed class OidcAuthenticationTests
{
    private const string Audience = "caduceus-gateway";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, object> Claims(params string[] roles) => new()
    {
        ["sub"] = "user-4711",
        ["caduceus_app"] = "default",
        ["roles"] = roles,
    };

    private static async Task<GatewayHarness> StartGatewayAsync(LocalIssuer issuer) =>
        await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Oidc:Issuer"] = issuer.Issuer,
            ["Oidc:Audience"] = Audience,
            ["Oidc:RoleMap:Physician"] = "clinician",
        });

    private static async Task<HttpResponseMessage> ChatAsync(GatewayHarness harness, string token)
    {
        using var client = harness.AnonymousHttp();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsJsonAsync(
            "v1/chat/completions",
            new JsonObject { ["model"] = "m", ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = "What time do you open?" } } },
            Cancel);
    }

    [Fact]
    public async Task A_valid_token_with_a_mapped_role_is_accepted_and_api_keys_still_work()
    {
        await using var issuer = await LocalIssuer.StartAsync();
        await using var harness = await StartGatewayAsync(issuer);

        using var withToken = await ChatAsync(harness, issuer.Token(Audience, Claims("Physician")));
        using var withKey = await harness.Http.PostAsJsonAsync(
            "v1/chat/completions", new JsonObject { ["model"] = "m", ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = "hi" } } }, Cancel);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    public static TheoryData<string> Forgeries => ["wrong signing key", "wrong issuer", "wrong audience", "expired", "not yet valid", "unsigned", "no application"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Tokens_that_fail_validation_get_401_and_a_security_event(string forgery)
    {
        await using var issuer = await LocalIssuer.StartAsync();
        await using var harness = await StartGatewayAsync(issuer);
        var token = forgery switch
        {
            "wrong signing key" => issuer.Token(Audience, Claims("Physician"), signingKey: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" }),
            "wrong issuer" => issuer.Token(Audience, Claims("Physician"), issuer: "https://issuer.example.org"),
            "wrong audience" => issuer.Token("another-service", Claims("Physician")),
            "expired" => issuer.Token(Audience, Claims("Physician"), lifetime: TimeSpan.FromMinutes(5), notBefore: DateTime.UtcNow.AddHours(-1)),
            "not yet valid" => issuer.Token(Audience, Claims("Physician"), notBefore: DateTime.UtcNow.AddHours(1)),
            "unsigned" => Unsigned(issuer.Token(Audience, Claims("Physician"))),
            _ => issuer.Token(Audience, new Dictionary<string, object> { ["sub"] = "user-4711", ["roles"] = new[] { "Physician" } }),
        };

        using var response = await ChatAsync(harness, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        Assert.Equal("invalid_token", error!["error"]!["code"]!.GetValue<string>());
        var securityEvent = Assert.Single(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.AuthenticationFailed);
        Assert.Equal(error["error"]!["event_id"]!.GetValue<string>(), securityEvent.Id);
        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_whose_roles_map_to_nothing_allowed_gets_403()
    {
        await using var issuer = await LocalIssuer.StartAsync();
        await using var harness = await StartGatewayAsync(issuer);

        using var unmapped = await ChatAsync(harness, issuer.Token(Audience, Claims("Janitor")));
        using var adminOnly = await ChatAsync(harness, issuer.Token(Audience, Claims("admin")));

        Assert.Equal(HttpStatusCode.Forbidden, unmapped.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);
        Assert.Contains(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.AuthorizationDenied && e.Principal == "oidc:user-4711");
    }

    [Fact]
    public async Task Without_an_issuer_configured_a_jwt_is_just_an_unknown_api_key()
    {
        await using var issuer = await LocalIssuer.StartAsync();
        await using var harness = await GatewayHarness.StartAsync();

        using var response = await ChatAsync(harness, issuer.Token(Audience, Claims("Physician")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // The same header and claims with the signature cut off and the algorithm set to "none".
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        return $"{header}.{parts[1]}.";
    }
}
