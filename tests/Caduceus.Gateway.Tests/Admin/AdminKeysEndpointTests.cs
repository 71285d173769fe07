using System.Net;
using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Keys;
using Caduceus.Identity;

namespace Caduceus.Gateway.Tests.Admin;

/// <summary>The admin API over real HTTP on loopback: admin keys only, problem details for every refusal.</summary>
public sealed class AdminKeysEndpointTests
{
    /// <summary>The "within a second", plus room for a busy machine.</summary>
    private static readonly TimeSpan RevocationDeadline = TimeSpan.FromMilliseconds(1500);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_key_the_admin_api_answers_401_with_a_problem()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var anonymous = harness.AnonymousHttp();

        using var response = await anonymous.GetAsync("admin/keys", Cancel);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_api_key");
        Assert.Contains(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.AuthenticationFailed && e.Route == "/admin/keys");
    }

    [Theory]
    [InlineData("GET", "admin/keys")]
    [InlineData("POST", "admin/keys")]
    [InlineData("DELETE", "admin/keys/key_0000000000000000")]
    [InlineData("GET", "admin/keys/unused?days=30")]
    public async Task A_key_without_the_admin_role_gets_403_with_a_problem_and_a_security_event(string method, string path)
    {
        await using var harness = await GatewayHarness.StartAsync();
        var clinician = await harness.CreateKeyAsync(CallerRoles.Clinician, CallerRoles.Service);
        using var client = harness.HttpWithKey(clinician.Secret);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Requests.Json("{}") }, Cancel);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden, "role_not_allowed");
        var denied = Assert.Single(harness.Events.Snapshot());
        Assert.Equal(SecurityEventTypes.AuthorizationDenied, denied.Type);
        Assert.Equal((clinician.Record.Id, "default", "/" + path.Split('?')[0].Replace("key_0000000000000000", "{id}", StringComparison.Ordinal)), (denied.Principal, denied.Application, denied.Route));
        Assert.Equal(denied.Id, problem.GetProperty("event_id").GetString());
        Assert.Single(await harness.Keys.ListAsync(Cancel), k => k.Roles.Contains(CallerRoles.Clinician));
    }

    [Fact]
    public async Task An_admin_creates_a_key_that_works_at_once_and_is_listed_without_its_secret()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var admin = await AdminAsync(harness);

        using var created = await admin.PostAsync(
            "admin/keys", Requests.Json("""{"application":"default","roles":["front_desk"],"label":"reception","expires_in":"30d"}"""), Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("no-store", created.Headers.CacheControl!.ToString());
        var body = await Requests.BodyAsync(created);
        var id = body.GetProperty("id").GetString()!;
        var secret = body.GetProperty("key").GetString()!;
        Assert.Equal($"/admin/keys/{id}", created.Headers.Location!.ToString());
        Assert.Equal(["front_desk"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.InRange(body.GetProperty("expires_at").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(30));

        using var client = harness.HttpWithKey(secret);
        using var chat = await Requests.ChatAsync(client);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);

        var list = await admin.GetStringAsync("admin/keys", Cancel);
        var one = await admin.GetStringAsync($"admin/keys/{id}", Cancel);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, one, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(list).RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal(("active", "reception"), (listed.GetProperty("status").GetString(), listed.GetProperty("label").GetString()));
        Assert.False(listed.TryGetProperty("key", out _));
    }

    [Fact]
    public async Task An_admin_rotates_a_key_and_the_old_secret_stops_working_within_a_second()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var admin = await AdminAsync(harness);
        var keyId = await ServiceKeyIdAsync(harness);
        using (var before = await Requests.ChatAsync(harness.Http))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var rotated = await admin.PostAsync($"admin/keys/{keyId}/rotate", null, Cancel);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var body = await Requests.BodyAsync(rotated);
        Assert.Equal(keyId, body.GetProperty("id").GetString());
        using var oldRefused = await Requests.ChatUntilAsync(harness.Http, HttpStatusCode.Unauthorized, RevocationDeadline);
        using var client = harness.HttpWithKey(body.GetProperty("key").GetString()!);
        using var chat = await Requests.ChatAsync(client);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
    }

    [Fact]
    public async Task An_admin_revokes_a_key_and_it_is_refused_within_a_second()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var admin = await AdminAsync(harness);
        var keyId = await ServiceKeyIdAsync(harness);
        using (var before = await Requests.ChatAsync(harness.Http))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoked = await admin.DeleteAsync($"admin/keys/{keyId}", Cancel);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await Requests.BodyAsync(revoked)).GetProperty("status").GetString());
        using var refused = await Requests.ChatUntilAsync(harness.Http, HttpStatusCode.Unauthorized, RevocationDeadline);
        Assert.Contains(harness.Events.Snapshot(), e => e.Principal == keyId && e.Code == "revoked_api_key");
        using var again = await admin.DeleteAsync($"admin/keys/{keyId}", Cancel);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var rotate = await admin.PostAsync($"admin/keys/{keyId}/rotate", null, Cancel);
        await AssertProblemAsync(rotate, HttpStatusCode.Conflict, "key_not_active");
    }

    [Fact]
    public async Task Reports_and_disables_keys_unused_for_n_days()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var admin = await AdminAsync(harness);
        var stale = await harness.CreateKeyAsync(CallerRoles.Billing);
        await KeyStoreFixture.BackdateAsync(harness.DatabaseDirectory, stale.Record.Id, TimeSpan.FromDays(40));

        var report = JsonDocument.Parse(await admin.GetStringAsync("admin/keys/unused?days=30", Cancel)).RootElement;
        using var disabled = await admin.PostAsync("admin/keys/unused/disable?days=30", null, Cancel);

        Assert.Equal([stale.Record.Id], report.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("id").GetString()));
        Assert.Equal(30, report.GetProperty("unused_days").GetInt32());
        var disabledKeys = (await Requests.BodyAsync(disabled)).GetProperty("keys").EnumerateArray().ToArray();
        Assert.Equal([stale.Record.Id], disabledKeys.Select(k => k.GetProperty("id").GetString()));
        Assert.Equal("unused", disabledKeys[0].GetProperty("revoked_reason").GetString());
        using var client = harness.HttpWithKey(stale.Secret);
        using var refused = await Requests.ChatAsync(client);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var stillFine = await Requests.ChatAsync(harness.Http);
        Assert.Equal(HttpStatusCode.OK, stillFine.StatusCode);
    }

    [Theory]
    [InlineData("POST", "admin/keys", """{"application":"default","roles":["doctor"]}""", "unknown role 'doctor'")]
    [InlineData("POST", "admin/keys", """{"application":"default","roles":[]}""", "at least one role")]
    [InlineData("POST", "admin/keys", """{"application":"portal","roles":["clinician"]}""", "no application named 'portal'")]
    [InlineData("POST", "admin/keys", """{"application":"default","role":"admin"}""", "not a valid request")]
    [InlineData("POST", "admin/keys", """{"application":"default","roles":"admin"}""", "not a valid request")]
    [InlineData("POST", "admin/keys", """{"application":""", "not a valid request")]
    [InlineData("POST", "admin/keys", "", "A JSON body is required")]
    [InlineData("POST", "admin/keys", """{"application":"default","roles":["admin"],"expires_in":"forever"}""", "expires-in")]
    [InlineData("GET", "admin/keys/unused", null, "'days'")]
    [InlineData("GET", "admin/keys/unused?days=abc", null, "'days'")]
    [InlineData("POST", "admin/keys/unused/disable?days=0", null, "'days'")]
    public async Task Bad_input_gets_400_with_a_problem_that_says_what_is_wrong(string method, string path, string? body, string expected)
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var admin = await AdminAsync(harness);
        var before = (await harness.Keys.ListAsync(Cancel)).Count;

        using var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : Requests.Json(body) }, Cancel);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, (await harness.Keys.ListAsync(Cancel)).Count(k => k.StatusAt(DateTimeOffset.UtcNow) == ApiKeyStatus.Active));
    }

    [Fact]
    public async Task Rotating_with_too_long_a_grace_or_an_unknown_id_is_refused()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var admin = await AdminAsync(harness);
        var keyId = await ServiceKeyIdAsync(harness);

        using var tooLong = await admin.PostAsync($"admin/keys/{keyId}/rotate", Requests.Json("""{"grace":"2d"}"""), Cancel);
        using var unknown = await admin.PostAsync("admin/keys/key_0000000000000000/rotate", null, Cancel);
        using var unknownGet = await admin.GetAsync("admin/keys/key_0000000000000000", Cancel);
        using var unknownPath = await admin.GetAsync("admin/nothing", Cancel);

        await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "invalid_request");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(unknownGet, HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(unknownPath, HttpStatusCode.NotFound, "not_found");
        using var stillWorks = await Requests.ChatAsync(harness.Http);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    /// <summary>An admin key with an enrolled TOTP factor and an open MFA session, both sent on every request.</summary>
    private static async Task<HttpClient> AdminAsync(GatewayHarness harness) => (await AdminPerson.SignedInAsync(harness)).Http;

    private static async Task<string> ServiceKeyIdAsync(GatewayHarness harness) =>
        (await harness.Keys.ListAsync(Cancel)).Single(k => k.Roles.SequenceEqual([CallerRoles.Service])).Id;

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Requests.BodyAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
