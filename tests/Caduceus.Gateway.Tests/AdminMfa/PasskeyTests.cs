using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.AdminMfa;

/// <summary>
/// Passkeys for admins over real HTTP, with a software authenticator that makes real attestation objects and signs
/// real assertions, verified by the gateway through Fido2.
/// </summary>
public sealed class PasskeyTests
{
    private const string Origin = "http://localhost:8080";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_registers_a_passkey_and_opens_a_session_with_a_signed_assertion()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.CreateAsync(harness);
        using var authenticator = new SoftwareAuthenticator(Origin);

        using (var registered = await RegisterAsync(person, authenticator))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            var factor = await Requests.BodyAsync(registered);
            Assert.Equal(("webauthn", true, "laptop"), (factor.GetProperty("kind").GetString(), factor.GetProperty("confirmed").GetBoolean(), factor.GetProperty("label").GetString()));
        }

        using var opened = await person.OpenSessionAsync(await AssertionAsync(person, authenticator));

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        using var keys = await person.Http.GetAsync("admin/keys", Cancel);
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        Assert.Contains(harness.Events.Snapshot(), e => e is { Type: SecurityEventTypes.MfaChanged, Code: "passkey_enrolled" } && e.Principal == person.KeyId);
        Assert.Contains(harness.Events.Snapshot(), e => e is { Type: SecurityEventTypes.MfaSucceeded, Code: "session_opened" } && e.Principal == person.KeyId);
    }

    [Fact]
    public async Task An_assertion_signed_by_another_key_pair_is_refused()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.CreateAsync(harness);
        using var authenticator = new SoftwareAuthenticator(Origin);
        using (var registered = await RegisterAsync(person, authenticator))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        using var impostor = new SoftwareAuthenticator(Origin, authenticator.CredentialId) { UserHandle = authenticator.UserHandle };
        using var forged = await person.OpenSessionAsync(await AssertionAsync(person, impostor));

        await Problems.AssertAsync(forged, HttpStatusCode.Unauthorized, "mfa_failed");
        Assert.Contains(harness.Events.Snapshot(), e => e is { Type: SecurityEventTypes.MfaFailed, Code: "passkey_invalid" } && e.Principal == person.KeyId);
        using var genuine = await person.OpenSessionAsync(await AssertionAsync(person, authenticator));
        Assert.Equal(HttpStatusCode.Created, genuine.StatusCode);
    }

    [Fact]
    public async Task An_assertion_cannot_be_replayed_and_another_origin_is_refused()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.CreateAsync(harness);
        using var authenticator = new SoftwareAuthenticator(Origin);
        using (var registered = await RegisterAsync(person, authenticator))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var proof = await AssertionAsync(person, authenticator);
        using (var first = await person.OpenSessionAsync(proof))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        person.UseSession(null);
        using (var replay = await person.OpenSessionAsync(proof))
        {
            await Problems.AssertAsync(replay, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        authenticator.Origin = "http://localhost.evil.example:8080";
        using var phished = await person.OpenSessionAsync(await AssertionAsync(person, authenticator));

        await Problems.AssertAsync(phished, HttpStatusCode.Unauthorized, "mfa_failed");
        var failures = harness.Events.Snapshot().Where(e => e.Type == SecurityEventTypes.MfaFailed).Select(e => e.Code).ToList();
        Assert.Equal(["ceremony_unknown", "passkey_invalid"], failures);
    }

    [Fact]
    public async Task Another_admins_passkey_does_not_open_a_session_for_this_key()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var alice = await AdminPerson.CreateAsync(harness);
        using var bob = await AdminPerson.CreateAsync(harness);
        using var alicesKey = new SoftwareAuthenticator(Origin);
        using var bobsKey = new SoftwareAuthenticator(Origin);
        using (var a = await RegisterAsync(alice, alicesKey))
        using (var b = await RegisterAsync(bob, bobsKey))
        {
            Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (a.StatusCode, b.StatusCode));
        }

        // Bob asks for options for his own key and answers them with Alice's passkey.
        using var crossed = await bob.OpenSessionAsync(await AssertionAsync(bob, alicesKey));

        await Problems.AssertAsync(crossed, HttpStatusCode.Unauthorized, "mfa_failed");
        Assert.Contains(harness.Events.Snapshot(), e => e is { Type: SecurityEventTypes.MfaFailed, Code: "passkey_unknown" } && e.Principal == bob.KeyId);
    }

    [Fact]
    public async Task A_registration_for_another_origin_or_a_used_ceremony_is_refused()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.CreateAsync(harness);
        using var phished = new SoftwareAuthenticator("http://localhost.evil.example:8080");

        using var wrongOrigin = await RegisterAsync(person, phished);

        await Problems.AssertAsync(wrongOrigin, HttpStatusCode.BadRequest, "mfa_failed");
        Assert.Contains(harness.Events.Snapshot(), e => e is { Type: SecurityEventTypes.MfaFailed, Code: "registration_invalid" });
        using var stillUnenrolled = await person.Http.GetAsync("admin/keys", Cancel);
        var problem = await Problems.AssertAsync(stillUnenrolled, HttpStatusCode.Unauthorized, "mfa_required");
        Assert.Contains("no second factor", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_up_with_a_passkey_allows_a_revocation()
    {
        var clock = new ManualTimeProvider();
        await using var harness = await GatewayHarness.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var person = await AdminPerson.CreateAsync(harness, clock);
        using var authenticator = new SoftwareAuthenticator(Origin);
        using (var registered = await RegisterAsync(person, authenticator))
        using (var opened = await person.OpenSessionAsync(await AssertionAsync(person, authenticator)))
        {
            Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (registered.StatusCode, opened.StatusCode));
        }

        var target = await harness.CreateKeyAsync(Identity.CallerRoles.Service);
        clock.Advance(TimeSpan.FromMinutes(6));
        using var refused = await person.Http.DeleteAsync($"admin/keys/{target.Record.Id}", Cancel);
        var proof = await AssertionAsync(person, authenticator);
        using var steppedUp = await person.Http.PostAsync("admin/session/step-up", Requests.Json(proof.GetRawText()), Cancel);
        using var revoked = await person.Http.DeleteAsync($"admin/keys/{target.Record.Id}", Cancel);

        await Problems.AssertAsync(refused, HttpStatusCode.Unauthorized, "step_up_required");
        Assert.Equal(HttpStatusCode.OK, steppedUp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
    }

    [Theory]
    [InlineData("""{"id":"AAAA","rawId":"***","type":"public-key","response":{"attestationObject":"AAAA","clientDataJSON":"AAAA"}}""", "invalid_request")]
    [InlineData("""{"id":"AAAA","rawId":"AAAA","type":"bogus","response":{"attestationObject":"AAAA","clientDataJSON":"AAAA"}}""", "invalid_request")]
    [InlineData("""{"id":"AAAA","rawId":"AAAA","type":"public-key"}""", "invalid_request")]
    [InlineData("""{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"attestationObject":"AAAA","clientDataJSON":"AAAA"}}""", "mfa_failed")]
    [InlineData("""{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"attestationObject":"oWNmbXRkbm9uZQ","clientDataJSON":"e30"}}""", "mfa_failed")]
    public async Task A_garbled_registration_gets_400_not_500(string credential, string code)
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.CreateAsync(harness);
        using var started = await person.Http.PostAsync("admin/mfa/webauthn/options", null, Cancel);
        var ceremonyId = (await Requests.BodyAsync(started)).GetProperty("ceremony_id").GetString();

        using var response = await person.Http.PostAsync(
            "admin/mfa/webauthn", Requests.Json($$"""{"ceremony_id":"{{ceremonyId}}","credential":{{credential}}}"""), Cancel);

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("AAAA", "AAAA")]
    [InlineData("", "AAAA")]
    [InlineData("oWNmbXRkbm9uZQ", "MEUCIQ")]
    public async Task A_garbled_assertion_is_a_failed_attempt_not_a_500(string authenticatorData, string signature)
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.CreateAsync(harness);
        using var authenticator = new SoftwareAuthenticator(Origin);
        using (var registered = await RegisterAsync(person, authenticator))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var proof = JsonNode.Parse((await AssertionAsync(person, authenticator)).GetRawText())!;
        proof["assertion"]!["response"]!["authenticatorData"] = authenticatorData;
        proof["assertion"]!["response"]!["signature"] = signature;
        using var response = await person.Http.PostAsync("admin/session", Requests.Json(proof.ToJsonString()), Cancel);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpResponseMessage> RegisterAsync(AdminPerson person, SoftwareAuthenticator authenticator)
    {
        using var started = await person.Http.PostAsync("admin/mfa/webauthn/options", Requests.Json("""{"label":"laptop"}"""), Cancel);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var ceremony = await Requests.BodyAsync(started);
        var credential = authenticator.Register(ceremony.GetProperty("options"));
        var body = new JsonObject { ["ceremony_id"] = ceremony.GetProperty("ceremony_id").GetString(), ["credential"] = credential };
        return await person.Http.PostAsync("admin/mfa/webauthn", Requests.Json(body.ToJsonString()), Cancel);
    }

    private static async Task<JsonElement> AssertionAsync(AdminPerson person, SoftwareAuthenticator authenticator)
    {
        using var started = await person.Http.PostAsync("admin/session/webauthn/options", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var ceremony = await Requests.BodyAsync(started);
        var body = new JsonObject
        {
            ["ceremony_id"] = ceremony.GetProperty("ceremony_id").GetString(),
            ["assertion"] = authenticator.Assert(ceremony.GetProperty("options")),
        };
        return JsonDocument.Parse(body.ToJsonString()).RootElement.Clone();
    }
}
