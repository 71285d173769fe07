using System.Net;
using System.Text.RegularExpressions;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Vault;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Caduceus.Gateway.Tests.AdminMfa;

/// <summary>Admin MFA sessions over real HTTP: deny by default, bound to one key, idle and maximum lifetimes.</summary>
public sealed class AdminSessionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "admin/keys")]
    [InlineData("POST", "admin/keys")]
    [InlineData("GET", "admin/keys/key_0000000000000000")]
    [InlineData("DELETE", "admin/keys/key_0000000000000000")]
    [InlineData("POST", "admin/keys/key_0000000000000000/rotate")]
    [InlineData("GET", "admin/keys/unused?days=30")]
    [InlineData("POST", "admin/keys/unused/disable?days=30")]
    [InlineData("GET", "admin/mfa/factors")]
    [InlineData("DELETE", "admin/mfa/factors/mfa_0000000000000000")]
    [InlineData("POST", "admin/mfa/totp")]
    [InlineData("GET", "admin/session")]
    [InlineData("POST", "admin/session/step-up")]
    public async Task Without_a_session_an_enrolled_admin_gets_401_mfa_required_everywhere_but_login(string method, string path)
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.SignedInAsync(harness);
        person.UseSession(null);
        var keysBefore = (await harness.Keys.ListAsync(Cancel)).Count;

        using var response = await person.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Requests.Json("{}") }, Cancel);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.Unauthorized, "mfa_required");
        var refused = Assert.Single(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.MfaRequired);
        Assert.Equal((person.KeyId, "session_missing", "/" + path.Split('?')[0].Replace("key_0000000000000000", "{id}", StringComparison.Ordinal).Replace("mfa_0000000000000000", "{id}", StringComparison.Ordinal)), (refused.Principal, refused.Code, refused.Route));
        Assert.Equal(refused.Id, problem.GetProperty("event_id").GetString());
        Assert.Equal(keysBefore, (await harness.Keys.ListAsync(Cancel)).Count);
    }

    [Fact]
    public async Task A_session_token_is_not_usable_with_another_admin_key()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var alice = await AdminPerson.SignedInAsync(harness);
        using var bob = await AdminPerson.SignedInAsync(harness);
        using var mallory = await AdminPerson.CreateAsync(harness);

        bob.UseSession(alice.SessionToken);
        mallory.UseSession(alice.SessionToken);
        using var bobWithAlicesSession = await bob.Http.GetAsync("admin/keys", Cancel);
        using var unenrolledWithAlicesSession = await mallory.Http.GetAsync("admin/keys", Cancel);
        using var aliceStillWorks = await alice.Http.GetAsync("admin/keys", Cancel);

        await Problems.AssertAsync(bobWithAlicesSession, HttpStatusCode.Unauthorized, "mfa_required");
        await Problems.AssertAsync(unenrolledWithAlicesSession, HttpStatusCode.Unauthorized, "mfa_required");
        Assert.Equal(HttpStatusCode.OK, aliceStillWorks.StatusCode);
        var refusals = harness.Events.Snapshot().Where(e => e is { Type: SecurityEventTypes.MfaRequired, Code: "session_other_key" }).ToList();
        Assert.Equal([bob.KeyId, mallory.KeyId], refusals.Select(e => e.Principal));
    }

    [Fact]
    public async Task A_session_alone_without_the_admin_key_is_refused()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.SignedInAsync(harness);
        using var anonymous = harness.AnonymousHttp();
        anonymous.DefaultRequestHeaders.Add(AdminPerson.SessionHeader, person.SessionToken);

        using var response = await anonymous.GetAsync("admin/keys", Cancel);

        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized, "invalid_api_key");
    }

    [Fact]
    public async Task A_session_ends_after_fifteen_idle_minutes()
    {
        var clock = new ManualTimeProvider();
        await using var harness = await GatewayHarness.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var person = await AdminPerson.SignedInAsync(harness, clock);

        clock.Advance(TimeSpan.FromMinutes(14));
        using (var stillOpen = await person.Http.GetAsync("admin/keys", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(14));
        using (var activityKeepsItOpen = await person.Http.GetAsync("admin/session", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, activityKeepsItOpen.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(15));
        using var idle = await person.Http.GetAsync("admin/keys", Cancel);

        var problem = await Problems.AssertAsync(idle, HttpStatusCode.Unauthorized, "mfa_required");
        Assert.Contains("ended", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(harness.Events.Snapshot(), e => e is { Type: SecurityEventTypes.MfaRequired, Code: "session_idle" } && e.Principal == person.KeyId);
        using var gone = await person.Http.GetAsync("admin/keys", Cancel);
        await Problems.AssertAsync(gone, HttpStatusCode.Unauthorized, "mfa_required");
    }

    [Fact]
    public async Task A_session_ends_after_eight_hours_however_busy()
    {
        var clock = new ManualTimeProvider();
        await using var harness = await GatewayHarness.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var person = await AdminPerson.SignedInAsync(harness, clock);

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(8) - TimeSpan.FromMinutes(10); elapsed += TimeSpan.FromMinutes(10))
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            using var busy = await person.Http.GetAsync("admin/session", Cancel);
            Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        using var expired = await person.Http.GetAsync("admin/session", Cancel);

        await Problems.AssertAsync(expired, HttpStatusCode.Unauthorized, "mfa_required");
        Assert.Contains(harness.Events.Snapshot(), e => e is { Type: SecurityEventTypes.MfaRequired, Code: "session_expired" });
    }

    [Fact]
    public async Task Ending_a_session_makes_its_token_useless()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.SignedInAsync(harness);

        using var ended = await person.Http.DeleteAsync("admin/session", Cancel);
        using var after = await person.Http.GetAsync("admin/keys", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        await Problems.AssertAsync(after, HttpStatusCode.Unauthorized, "mfa_required");
        Assert.Contains(harness.Events.Snapshot(), e => e is { Type: SecurityEventTypes.MfaRequired, Code: "session_unknown" });
    }

    [Theory]
    [InlineData("""{}""", "either")]
    [InlineData("""{"totp_code":"12345"}""", "6 digits")]
    [InlineData("""{"totp_code":"abcdef"}""", "6 digits")]
    [InlineData("""{"totp_code":"123456","ceremony_id":"cer_1"}""", "either")]
    [InlineData("""{"ceremony_id":"cer_1","assertion":{"id":"%%%"}}""", "assertion")]
    [InlineData("""{"ceremony_id":"cer_1","assertion":[]}""", "assertion")]
    [InlineData("""{"totp":"123456"}""", "not a valid request")]
    [InlineData("""{"totp_code":""", "not a valid request")]
    [InlineData("", "JSON body is required")]
    public async Task A_malformed_proof_gets_400_and_does_not_count_as_a_guess(string body, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Admin:MaxFailuresPerKey"] = "1" };
        await using var harness = await GatewayHarness.StartAsync(settings: settings);
        using var person = await AdminPerson.CreateAsync(harness);
        await person.EnrollTotpAsync();

        using var response = await person.Http.PostAsync("admin/session", Requests.Json(body), Cancel);
        using var thenValid = await person.OpenSessionAsync(person.Code(TimeSpan.FromSeconds(30)));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Created, thenValid.StatusCode);
    }

    [Fact]
    public async Task No_seed_code_or_session_token_reaches_logs_or_security_events()
    {
        var clock = new ManualTimeProvider();
        await using var harness = await GatewayHarness.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var person = await AdminPerson.CreateAsync(harness, clock);
        var codes = new List<string>();
        using (await person.StartTotpAsync())
        {
        }

        var wrong = person.WrongCode();
        codes.Add(wrong);
        using (await person.ConfirmTotpAsync(wrong))
        {
        }

        codes.Add(person.Code());
        using (await person.ConfirmTotpAsync(person.Code()))
        {
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        codes.Add(person.Code());
        using (await person.OpenSessionAsync(person.Code()))
        {
        }

        using (await person.OpenSessionAsync(person.Code()))
        {
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        codes.Add(person.Code());
        using (await person.StepUpAsync(person.Code()))
        {
        }

        using (await person.Http.GetAsync("admin/keys", Cancel))
        {
        }

        var secrets = new[] { person.SessionToken!, Base32Encoding.ToString(person.Seed), person.OtpauthUri!, person.Secret };
        var text = string.Join('\n', harness.Logs.Lines) + "\n" + string.Join('\n', harness.Events.Snapshot().Select(e => e.ToString()));
        Assert.Contains(person.KeyId, text, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        Assert.All(codes, code => Assert.DoesNotMatch(new Regex($"(?<![0-9A-Za-z]){code}(?![0-9A-Za-z])"), text));
    }
}
