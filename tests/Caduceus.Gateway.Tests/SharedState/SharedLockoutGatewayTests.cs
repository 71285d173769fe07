using System.Net;
using System.Text.Json;
using Caduceus.Gateway.Tests.Anomaly;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.WebConsole;
using Caduceus.Gateway.WebConsole.Accounts;
using StackExchange.Redis;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>
/// Failure lockouts on two gateway instances sharing one PostgreSQL database (and, when configured, one Redis), over
/// real HTTP: an attacker who spreads guesses over both gets no more attempts than against one.
/// </summary>
public sealed class SharedLockoutGatewayTests : IAsyncLifetime
{
    private SharedStateFleet? _fleet;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await SharedStateFleet.CreateAsync();

    public async ValueTask DisposeAsync() => await _fleet!.DisposeAsync();

    [Fact]
    public async Task Wrong_admin_codes_spread_over_two_instances_lock_the_key_after_the_configured_total()
    {
        var settings = new Dictionary<string, string?> { ["Admin:MaxFailuresPerKey"] = "4", ["Admin:MaxFailuresPerAddress"] = "1000" };
        await using var first = await StartInstanceAsync(settings);
        await using var second = await StartInstanceAsync(settings);
        using var person = await AdminPerson.CreateAsync(first);
        await person.EnrollTotpAsync();
        using var throughSecond = second.HttpWithKey(person.Secret);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var wrong = attempt % 2 == 0 ? await person.OpenSessionAsync(person.WrongCode()) : await OpenSessionAsync(throughSecond, person.WrongCode());
            await Problems.AssertAsync(wrong, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        using var rightCode = await OpenSessionAsync(throughSecond, person.Code(TimeSpan.FromSeconds(30)));

        await Problems.AssertAsync(rightCode, HttpStatusCode.TooManyRequests, "mfa_locked");
        var stored = await FailureCountersAsTextAsync();
        Assert.DoesNotContain(person.KeyId, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_console_passwords_spread_over_two_instances_lock_the_account_after_the_configured_total()
    {
        var settings = new Dictionary<string, string?> { ["Console:MaxFailuresPerAccount"] = "4", ["Console:MaxFailuresPerAddress"] = "1000" };
        await using var first = await StartInstanceAsync(settings);
        await using var second = await StartInstanceAsync(settings);
        var person = await ConsolePerson.CreateAsync(first, ConsoleRoles.SecurityViewer);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var (status, _) = await ConsoleSignInAsync(attempt % 2 == 0 ? first : second, person.Name, "wrong password " + attempt, person.Code());
            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }

        var (locked, page) = await ConsoleSignInAsync(first, person.Name, person.Password, person.Code());

        Assert.Equal(HttpStatusCode.TooManyRequests, locked);
        Assert.Contains("Too many failed attempts", page, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Name, await FailureCountersAsTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_redis_configured_failures_over_two_instances_are_counted_there_under_hashed_keys()
    {
        var prefix = TestRedis.FreshPrefix();
        var settings = new Dictionary<string, string?>
        {
            ["Admin:MaxFailuresPerKey"] = "2",
            ["Admin:MaxFailuresPerAddress"] = "1000",
            ["State:Redis"] = TestRedis.Address,
            ["State:RedisKeyPrefix"] = prefix,
        };
        await using var first = await StartInstanceAsync(settings);
        await using var second = await StartInstanceAsync(settings);
        using var person = await AdminPerson.CreateAsync(first);
        await person.EnrollTotpAsync();
        using var throughSecond = second.HttpWithKey(person.Secret);

        using (var wrong = await person.OpenSessionAsync(person.WrongCode()))
        {
            await Problems.AssertAsync(wrong, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        using (var wrong = await OpenSessionAsync(throughSecond, person.WrongCode()))
        {
            await Problems.AssertAsync(wrong, HttpStatusCode.Unauthorized, "mfa_failed");
        }

        using var rightCode = await person.OpenSessionAsync(person.Code(TimeSpan.FromSeconds(30)));

        await Problems.AssertAsync(rightCode, HttpStatusCode.TooManyRequests, "mfa_locked");
        await using var redis = await TestRedis.ConnectAsync();
        var keys = redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: prefix + "*").Select(k => k.ToString()).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.DoesNotContain(person.KeyId, key, StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM failure_counters"));
    }

    [Fact]
    public async Task An_unreachable_redis_refuses_admin_codes_and_console_sign_ins_unchecked_and_says_why()
    {
        var settings = new Dictionary<string, string?> { ["State:Redis"] = "127.0.0.1:1,connectTimeout=300" };
        await using var gateway = await StartInstanceAsync(settings);
        using var person = await AdminPerson.CreateAsync(gateway);
        using (var started = await person.StartTotpAsync())
        {
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        }

        using (var confirm = await person.ConfirmTotpAsync(person.Code()))
        {
            var problem = await Problems.AssertAsync(confirm, HttpStatusCode.ServiceUnavailable, "mfa_unavailable");
            Assert.Contains("failure counters", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var account = await ConsolePerson.CreateAsync(gateway, ConsoleRoles.SecurityViewer);
        var (status, page) = await ConsoleSignInAsync(gateway, account.Name, account.Password, account.Code());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("failure counters", page, StringComparison.Ordinal);
        Assert.Contains(gateway.Events.Snapshot(), e => e.Code == "lockout_unavailable");
    }

    private static Task<HttpResponseMessage> OpenSessionAsync(HttpClient http, string code) =>
        http.PostAsync("admin/session", Requests.Json(JsonSerializer.Serialize(new { totp_code = code })), Cancel);

    private static async Task<(HttpStatusCode Status, string Page)> ConsoleSignInAsync(GatewayHarness instance, string name, string password, string code)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = instance.BaseAddress };
        var token = await ConsoleHttpSession.CsrfTokenAsync(browser, "console/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = token, ["name"] = name, ["password"] = password, ["code"] = code });
        using var response = await browser.PostAsync("console/login", form, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private Task<GatewayHarness> StartInstanceAsync(Dictionary<string, string?> settings) => _fleet!.StartInstanceAsync(settings);

    private Task<string> FailureCountersAsTextAsync() => _fleet!.TablesAsTextAsync("failure_counters");

    private Task<long> CountAsync(string sql) => _fleet!.ScalarAsync<long>(sql);
}
