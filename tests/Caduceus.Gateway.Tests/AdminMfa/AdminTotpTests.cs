using System.Net;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Vault;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Caduceus.Gateway.Tests.AdminMfa;

/// <summary>TOTP for admins over real HTTP: enrollment, login, replay, wrong codes and lockout, with codes computed by Otp.NET.</summary>
public sealed class AdminTotpTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_admin_key_may_only_enroll_and_once_enrolled_needs_a_session()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.CreateAsync(harness);

        using (var beforeEnrollment = await person.Http.GetAsync("admin/keys", Cancel))
        {
            var problem = await Problems.AssertAsync(beforeEnrollment, HttpStatusCode.Unauthorized, "mfa_required");
            Assert.Contains("enroll", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var started = await person.StartTotpAsync())
        {
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            Assert.Equal("no-store", started.Headers.CacheControl!.ToString());
        }

        Assert.StartsWith($"otpauth://totp/Caduceus:{person.KeyId}?", person.OtpauthUri, StringComparison.Ordinal);
        Assert.Equal(20, person.Seed!.Length);
        using (var wrong = await person.ConfirmTotpAsync(person.WrongCode()))
        {
            await Problems.AssertAsync(wrong, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        using (var confirmed = await person.ConfirmTotpAsync(person.Code()))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.True((await Requests.BodyAsync(confirmed)).GetProperty("confirmed").GetBoolean());
        }

        using (var enrollAgainWithKeyOnly = await person.StartTotpAsync())
        {
            await Problems.AssertAsync(enrollAgainWithKeyOnly, HttpStatusCode.Unauthorized, "mfa_required");
        }

        using (var keyOnly = await person.Http.GetAsync("admin/keys", Cancel))
        {
            await Problems.AssertAsync(keyOnly, HttpStatusCode.Unauthorized, "mfa_required");
        }

        using (var opened = await person.OpenSessionAsync(person.Code(TimeSpan.FromSeconds(30))))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            Assert.Equal("no-store", opened.Headers.CacheControl!.ToString());
        }

        Assert.StartsWith("cas_", person.SessionToken, StringComparison.Ordinal);
        using var withSession = await person.Http.GetAsync("admin/keys", Cancel);
        Assert.Equal(HttpStatusCode.OK, withSession.StatusCode);
        var events = harness.Events.Snapshot();
        Assert.Contains(events, e => e is { Type: SecurityEventTypes.MfaRequired, Code: "no_factor_enrolled" } && e.Principal == person.KeyId);
        Assert.Contains(events, e => e is { Type: SecurityEventTypes.MfaFailed, Code: "totp_invalid" } && e.Principal == person.KeyId);
        Assert.Contains(events, e => e is { Type: SecurityEventTypes.MfaRequired, Code: "session_missing" } && e.Route == "/admin/keys");
        Assert.Contains(events, e => e is { Type: SecurityEventTypes.MfaSucceeded, Code: "session_opened" } && e.Principal == person.KeyId);
    }

    [Fact]
    public async Task A_code_is_accepted_once_and_its_replay_is_refused()
    {
        var clock = new ManualTimeProvider();
        await using var harness = await GatewayHarness.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var person = await AdminPerson.CreateAsync(harness, clock);
        await person.EnrollTotpAsync();

        // The confirmation used this step's code: using it again is a replay, even within its 30 seconds.
        using (var replayOfConfirmation = await person.OpenSessionAsync(person.Code()))
        {
            await Problems.AssertAsync(replayOfConfirmation, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        var code = person.Code();
        using (var first = await person.OpenSessionAsync(code))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        person.UseSession(null);
        using (var replay = await person.OpenSessionAsync(code))
        {
            await Problems.AssertAsync(replay, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        // An older step's code is refused too once a later one was used, although it is within the window.
        using (var older = await person.OpenSessionAsync(person.Code(TimeSpan.FromSeconds(-30))))
        {
            await Problems.AssertAsync(older, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        Assert.Equal(3, harness.Events.Snapshot().Count(e => e is { Type: SecurityEventTypes.MfaFailed, Code: "totp_replayed" } && e.Principal == person.KeyId));
    }

    [Fact]
    public async Task Only_codes_within_one_step_either_side_are_accepted()
    {
        var clock = new ManualTimeProvider();
        await using var harness = await GatewayHarness.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var person = await AdminPerson.CreateAsync(harness, clock);
        await person.EnrollTotpAsync();
        clock.Advance(TimeSpan.FromMinutes(5));

        using (var twoStepsAhead = await person.OpenSessionAsync(person.Code(TimeSpan.FromSeconds(60))))
        {
            await Problems.AssertAsync(twoStepsAhead, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        using (var twoStepsBehind = await person.OpenSessionAsync(person.Code(TimeSpan.FromSeconds(-60))))
        {
            await Problems.AssertAsync(twoStepsBehind, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        using var oneStepBehind = await person.OpenSessionAsync(person.Code(TimeSpan.FromSeconds(-30)));
        Assert.Equal(HttpStatusCode.Created, oneStepBehind.StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_lock_the_key_with_429_and_retry_after_until_the_window_ends()
    {
        var clock = new ManualTimeProvider();
        var settings = new Dictionary<string, string?> { ["Admin:MaxFailuresPerAddress"] = "1000" };
        await using var harness = await GatewayHarness.StartAsync(settings: settings, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var person = await AdminPerson.CreateAsync(harness, clock);
        await person.EnrollTotpAsync();
        using var other = await AdminPerson.CreateAsync(harness, clock);
        await other.EnrollTotpAsync();
        clock.Advance(TimeSpan.FromSeconds(30));

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await person.OpenSessionAsync(person.WrongCode());
            await Problems.AssertAsync(wrong, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        using (var locked = await person.OpenSessionAsync(person.Code()))
        {
            await Problems.AssertAsync(locked, HttpStatusCode.TooManyRequests, "mfa_locked");
            Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
        }

        // The lock is the key's: another admin from the same address still signs in.
        using (var otherSignsIn = await other.OpenSessionAsync(other.Code()))
        {
            Assert.Equal(HttpStatusCode.Created, otherSignsIn.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(15));
        using var afterWindow = await person.OpenSessionAsync(person.Code());
        Assert.Equal(HttpStatusCode.Created, afterWindow.StatusCode);
        var events = harness.Events.Snapshot().Where(e => e.Principal == person.KeyId).ToList();
        Assert.Equal(5, events.Count(e => e is { Type: SecurityEventTypes.MfaFailed, Code: "totp_invalid" }));
        Assert.Equal(2, events.Count(e => e is { Type: SecurityEventTypes.MfaLocked, Code: "key_locked" }));
    }

    [Fact]
    public async Task Failures_from_one_address_lock_it_out_for_every_admin_key()
    {
        var clock = new ManualTimeProvider();
        var settings = new Dictionary<string, string?> { ["Admin:MaxFailuresPerKey"] = "1000", ["Admin:MaxFailuresPerAddress"] = "4" };
        await using var harness = await GatewayHarness.StartAsync(settings: settings, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var people = new List<AdminPerson>();
        for (var i = 0; i < 3; i++)
        {
            var person = await AdminPerson.CreateAsync(harness, clock);
            await person.EnrollTotpAsync();
            people.Add(person);
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        foreach (var (person, failures) in new[] { (people[0], 2), (people[1], 2) })
        {
            for (var i = 0; i < failures; i++)
            {
                using var wrong = await person.OpenSessionAsync(person.WrongCode());
                await Problems.AssertAsync(wrong, HttpStatusCode.Unauthorized, "mfa_failed");
            }
        }

        using var third = await people[2].OpenSessionAsync(people[2].Code());

        await Problems.AssertAsync(third, HttpStatusCode.TooManyRequests, "mfa_locked");
        Assert.Contains(harness.Events.Snapshot(), e => e is { Type: SecurityEventTypes.MfaLocked, Code: "address_locked" } && e.Principal == people[2].KeyId);
        people.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task Seeds_are_stored_sealed_and_never_in_clear()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var person = await AdminPerson.CreateAsync(harness);
        await person.EnrollTotpAsync();

        byte[] stored;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(harness.DatabaseDirectory, "caduceus.db")}"))
        {
            await connection.OpenAsync(Cancel);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT totp_seed FROM admin_mfa_factors WHERE key_id = $key";
            command.Parameters.AddWithValue("$key", person.KeyId);
            stored = (byte[])(await command.ExecuteScalarAsync(Cancel))!;
        }

        Assert.True(stored.Length > person.Seed!.Length);
        Assert.Equal(-1, stored.AsSpan().IndexOf(person.Seed.AsSpan(0, 8)));
        SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(harness.DatabaseDirectory, "caduceus.db*").Select(File.ReadAllBytes).ToList();
        var base32 = System.Text.Encoding.ASCII.GetBytes(Base32Encoding.ToString(person.Seed));
        Assert.All(files, bytes => Assert.Equal(-1, bytes.AsSpan().IndexOf(person.Seed)));
        Assert.All(files, bytes => Assert.Equal(-1, bytes.AsSpan().IndexOf(base32)));
    }
}
