using System.Net;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.WebConsole;
using Caduceus.Gateway.WebConsole.Accounts;
using Caduceus.Gateway.WebConsole.Sessions;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>
/// A console session on two gateway instances sharing one PostgreSQL database, over real HTTP, with one cookie jar as
/// a browser behind a load balancer would have: each request may land on either instance.
/// </summary>
public sealed class SharedSignInGatewayTests : IAsyncLifetime
{
    private SharedStateFleet? _fleet;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await SharedStateFleet.CreateAsync();

    public async ValueTask DisposeAsync() => await _fleet!.DisposeAsync();

    [Fact]
    public async Task A_console_session_opened_through_one_instance_works_through_the_other_until_signed_out_there()
    {
        await using var first = await StartInstanceAsync();
        await using var second = await StartInstanceAsync();
        var person = await ConsolePerson.CreateAsync(first, ConsoleRoles.SecurityViewer);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });

        // The sign-in form (and its antiforgery cookie) from the second instance, posted to the first.
        var loginToken = await ConsoleHttpSession.CsrfTokenAsync(browser, new Uri(second.BaseAddress, "console/login").ToString());
        using (var signIn = await browser.PostAsync(new Uri(first.BaseAddress, "console/login"), LoginForm(loginToken, person), Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var session = cookies.GetCookies(new Uri(first.BaseAddress, "console/"))[ConsoleSessionTokens.CookieName]!.Value;
        using (var page = await browser.GetAsync(new Uri(second.BaseAddress, "console/"), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // A form from the first instance, posted to the second: sign out there.
        var logoutToken = await ConsoleHttpSession.CsrfTokenAsync(browser, new Uri(first.BaseAddress, "console/").ToString());
        using (var signOut = await browser.PostAsync(new Uri(second.BaseAddress, "console/logout"), Form(("__csrf", logoutToken)), Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            Assert.Equal("/console/login", signOut.Headers.Location?.OriginalString);
        }

        // The old cookie, replayed to the first instance at once, no longer opens anything.
        using var replay = new HttpRequestMessage(HttpMethod.Get, new Uri(first.BaseAddress, "console/"));
        replay.Headers.Add("Cookie", $"{ConsoleSessionTokens.CookieName}={session}");
        using var withoutJar = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var refused = await withoutJar.SendAsync(replay, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/console/login", refused.Headers.Location?.OriginalString);
        Assert.DoesNotContain(session, await DatabaseAsTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_session_opened_through_one_instance_works_through_the_other_until_ended_there()
    {
        await using var first = await StartInstanceAsync();
        await using var second = await StartInstanceAsync();
        using var person = await AdminPerson.SignedInAsync(first);
        using var throughSecond = second.HttpWithKey(person.Secret);
        throughSecond.DefaultRequestHeaders.Add(AdminPerson.SessionHeader, person.SessionToken);

        using (var listed = await throughSecond.GetAsync("admin/keys", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        }

        using (var ended = await throughSecond.DeleteAsync("admin/session", Cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        }

        using var after = await person.Http.GetAsync("admin/keys", Cancel);
        await Problems.AssertAsync(after, HttpStatusCode.Unauthorized, "mfa_required");
    }

    [Fact]
    public async Task A_totp_code_used_through_one_instance_is_refused_as_a_replay_by_the_other()
    {
        await using var first = await StartInstanceAsync();
        await using var second = await StartInstanceAsync();
        var person = await ConsolePerson.CreateAsync(first, ConsoleRoles.SecurityViewer);
        var code = person.Code();

        var (accepted, _) = await SignInAsync(first, person, code);
        var (replayed, page) = await SignInAsync(second, person, code);

        Assert.Equal(HttpStatusCode.Redirect, accepted);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed);
        Assert.Contains("not right", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shared_data_protection_key_ring_holds_only_sealed_keys_and_no_secret_of_the_sign_in()
    {
        await using var first = await StartInstanceAsync();
        var person = await ConsolePerson.CreateAsync(first, ConsoleRoles.SecurityViewer);
        await SignInAsync(first, person, person.Code());

        var stored = await DatabaseAsTextAsync();

        Assert.Contains("sealedByCaduceusKeyring", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Password, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(OtpNet.Base32Encoding.ToString(person.Seed), stored, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Page)> SignInAsync(GatewayHarness instance, ConsolePerson person, string code)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = instance.BaseAddress };
        var token = await ConsoleHttpSession.CsrfTokenAsync(browser, "console/login");
        using var response = await browser.PostAsync("console/login", Form(("__csrf", token), ("name", person.Name), ("password", person.Password), ("code", code)), Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private static FormUrlEncodedContent LoginForm(string token, ConsolePerson person) =>
        Form(("__csrf", token), ("name", person.Name), ("password", person.Password), ("code", person.Code()));

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(field => KeyValuePair.Create(field.Name, field.Value)));

    private Task<GatewayHarness> StartInstanceAsync() => _fleet!.StartInstanceAsync();

    /// <summary>Every row of the sign-in tables and the Data Protection key ring, as text.</summary>
    private Task<string> DatabaseAsTextAsync() => _fleet!.TablesAsTextAsync("console_sessions", "console_accounts", "data_protection_keys");
}
