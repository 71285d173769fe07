using System.Net;
using Caduceus.Events;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Keys;
using Caduceus.Identity;

namespace Caduceus.Gateway.Tests.Authentication;

/// <summary>The key lifecycle as a client sees it, over real HTTP on loopback.</summary>
public sealed class ApiKeyAuthenticationTests
{
    /// <summary>The "within a second", plus room for a busy machine.</summary>
    private static readonly TimeSpan RevocationDeadline = TimeSpan.FromMilliseconds(1500);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_revoked_by_another_process_is_refused_within_a_second()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var keyId = (await harness.Keys.ListAsync(Cancel)).Single().Id;
        using (var ok = await Requests.ChatAsync(harness.Http))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // A separate store on the same database, as 'caduceus keys revoke' opens it.
        await KeyStoreFixture.OpenStore(harness.DatabaseDirectory).RevokeAsync(keyId, ApiKeyRevocationReason.Revoked, Cancel);
        using var refused = await Requests.ChatUntilAsync(harness.Http, HttpStatusCode.Unauthorized, RevocationDeadline);

        Assert.Equal("invalid_api_key", (await Requests.BodyAsync(refused)).GetProperty("error").GetProperty("code").GetString());
        var refusal = Assert.Single(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.AuthenticationFailed);
        Assert.Equal(AuthenticationEventCodes.RevokedApiKey, refusal.Code);
        Assert.Equal(keyId, refusal.Principal);
        Assert.Equal("default", refusal.Application);
        Assert.Equal("/v1/chat/completions", refusal.Route);
        Assert.Equal(refusal.Id, refused.Headers.GetValues("X-Caduceus-Event-Id").Single());
        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains(harness.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_key_is_refused_and_the_event_says_so()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var expired = await harness.Keys.CreateAsync(new NewApiKey("default", [CallerRoles.Service], ExpiresAt: DateTimeOffset.UtcNow.AddSeconds(-1)), Cancel);
        using var client = harness.HttpWithKey(expired.Secret);

        using var response = await Requests.ChatAsync(client);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var refusal = Assert.Single(harness.Events.Snapshot());
        Assert.Equal((AuthenticationEventCodes.ExpiredApiKey, expired.Record.Id), (refusal.Code, refusal.Principal));
    }

    [Fact]
    public async Task After_a_rotation_the_new_secret_works_and_the_old_one_is_refused()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var issued = await harness.CreateKeyAsync(CallerRoles.Clinician);
        using var oldClient = harness.HttpWithKey(issued.Secret);
        using (var before = await Requests.ChatAsync(oldClient))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var rotated = await harness.Keys.RotateAsync(issued.Record.Id, TimeSpan.Zero, Cancel);
        using var newClient = harness.HttpWithKey(rotated!.Secret);

        using var refused = await Requests.ChatUntilAsync(oldClient, HttpStatusCode.Unauthorized, RevocationDeadline);
        using var accepted = await Requests.ChatAsync(newClient);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains(harness.Events.Snapshot(), e => e.Code == AuthenticationEventCodes.ReplacedApiKey && e.Principal == issued.Record.Id);
    }

    [Fact]
    public async Task During_the_grace_period_both_secrets_work()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var issued = await harness.CreateKeyAsync(CallerRoles.Service);

        var rotated = await harness.Keys.RotateAsync(issued.Record.Id, TimeSpan.FromMinutes(5), Cancel);

        using var oldClient = harness.HttpWithKey(issued.Secret);
        using var newClient = harness.HttpWithKey(rotated!.Secret);
        using var viaOld = await Requests.ChatAsync(oldClient);
        using var viaNew = await Requests.ChatAsync(newClient);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (viaOld.StatusCode, viaNew.StatusCode));
    }

    [Fact]
    public async Task Every_role_but_admin_may_use_the_models()
    {
        await using var harness = await GatewayHarness.StartAsync();

        foreach (var role in CallerRoles.All)
        {
            using var client = harness.HttpWithKey((await harness.CreateKeyAsync(role)).Secret);
            using var chat = await Requests.ChatAsync(client);
            using var models = await client.GetAsync("v1/models", Cancel);

            var expected = role == CallerRoles.Admin ? HttpStatusCode.Forbidden : HttpStatusCode.OK;
            Assert.Equal((role, expected, expected), (role, chat.StatusCode, models.StatusCode));
        }
    }

    [Fact]
    public async Task An_admin_key_is_refused_the_models_with_a_security_event_unless_it_has_another_role()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var admin = await harness.CreateKeyAsync(CallerRoles.Admin);
        var adminClinician = await harness.CreateKeyAsync(CallerRoles.Admin, CallerRoles.Clinician);
        using var adminClient = harness.HttpWithKey(admin.Secret);
        using var bothClient = harness.HttpWithKey(adminClinician.Secret);

        using var refused = await Requests.ChatAsync(adminClient);
        using var allowed = await Requests.ChatAsync(bothClient);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("role_not_allowed", (await Requests.BodyAsync(refused)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var denied = Assert.Single(harness.Events.Snapshot());
        Assert.Equal(SecurityEventTypes.AuthorizationDenied, denied.Type);
        Assert.Equal((admin.Record.Id, "default", "/v1/chat/completions"), (denied.Principal, denied.Application, denied.Route));
    }

    [Fact]
    public async Task Records_when_a_key_was_last_used()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var issued = await harness.CreateKeyAsync(CallerRoles.Patient);
        Assert.Null((await harness.Keys.GetAsync(issued.Record.Id, Cancel))!.LastUsedAt);
        var before = DateTimeOffset.UtcNow;

        using var client = harness.HttpWithKey(issued.Secret);
        using var response = await Requests.ChatAsync(client);

        Assert.InRange((await harness.Keys.GetAsync(issued.Record.Id, Cancel))!.LastUsedAt!.Value, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Too_many_failed_keys_from_one_address_get_429_even_for_a_valid_key()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["ApiKeys:MaxFailuresPerAddress"] = "3" });
        using var guesser = harness.HttpWithKey("cad_guess-number-one-of-many-000000000000");

        for (var i = 0; i < 3; i++)
        {
            using var failed = await Requests.ChatAsync(guesser);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var throttled = await Requests.ChatAsync(guesser);
        using var validButThrottled = await Requests.ChatAsync(harness.Http);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var body = await Requests.BodyAsync(throttled);
        Assert.Equal("too_many_failed_authentications", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, validButThrottled.StatusCode);
        var events = harness.Events.Snapshot();
        Assert.Equal(3, events.Count(e => e.Type == SecurityEventTypes.AuthenticationFailed && e.Code == AuthenticationEventCodes.UnknownApiKey));
        Assert.Equal(2, events.Count(e => e.Type == SecurityEventTypes.AuthenticationThrottled && e.Code == "too_many_failed_authentications"));
    }

    [Fact]
    public async Task A_throttled_address_may_try_again_when_the_window_ends()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ApiKeys:MaxFailuresPerAddress"] = "1",
            ["ApiKeys:FailureWindow"] = "00:00:01",
        });
        using var guesser = harness.HttpWithKey("cad_guess-number-one-of-many-000000000000");
        using var failed = await Requests.ChatAsync(guesser);
        using var throttled = await Requests.ChatAsync(harness.Http);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests), (failed.StatusCode, throttled.StatusCode));

        using var accepted = await Requests.ChatUntilAsync(harness.Http, HttpStatusCode.OK, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Requests_without_a_key_are_not_counted_as_guesses()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["ApiKeys:MaxFailuresPerAddress"] = "1" });
        using var anonymous = harness.AnonymousHttp();

        for (var i = 0; i < 3; i++)
        {
            using var missing = await Requests.ChatAsync(anonymous);
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        }

        using var accepted = await Requests.ChatAsync(harness.Http);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
