using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caduceus.Gateway.Tests.AdminMfa;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.WebConsole.Passkeys;

/// <summary>
/// The console's passkey forms driven over plain HTTP, as the page's script would post them, with a
/// <see cref="SoftwareAuthenticator"/> in place of the browser's: register a passkey for a signed-in person, and the
/// two steps of a passkey sign-in.
/// </summary>
internal static partial class ConsolePasskeyForms
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The origin a browser on the console reports: the relying party id (localhost) with the gateway's port.</summary>
    public static string Origin(GatewayHarness harness) => $"http://localhost:{harness.BaseAddress.Port}";

    public static HttpClient NewClient(GatewayHarness harness) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = harness.BaseAddress };

    /// <summary>Signs in with the current code, then registers <paramref name="authenticator"/>'s passkey with the next code as step-up.</summary>
    public static async Task RegisterAsync(GatewayHarness harness, ConsolePerson person, SoftwareAuthenticator authenticator)
    {
        using var session = await ConsoleHttpSession.SignInAsync(harness, person);
        await RegisterAsync(session.Http, authenticator, person.Code(stepsAhead: 1));
    }

    /// <summary>Registers <paramref name="authenticator"/>'s passkey in a signed-in session (no step-up code when it is stepped up).</summary>
    public static async Task RegisterAsync(HttpClient signedIn, SoftwareAuthenticator authenticator, string? stepUpCode)
    {
        var csrf = await ConsoleHttpSession.CsrfTokenAsync(signedIn, "console/passkeys");
        using var options = await signedIn.PostAsync("console/passkeys/options", Form(csrf, ("label", "test key"), ("step_up_code", stepUpCode ?? string.Empty)), Cancel);
        var page = await options.Content.ReadAsStringAsync(Cancel);
        Assert.True(options.StatusCode == HttpStatusCode.OK, page);
        var credential = authenticator.Register(OptionsOf(page));
        using var registered = await signedIn.PostAsync("console/passkeys", Form(csrf, ("ceremony_id", CeremonyIdOf(page)), ("credential", credential.ToJsonString())), Cancel);
        var result = await registered.Content.ReadAsStringAsync(Cancel);
        Assert.True(registered.StatusCode == HttpStatusCode.OK && result.Contains("The passkey is registered", StringComparison.Ordinal), result);
    }

    /// <summary>Signs in with password and passkey; the client then holds the session cookie.</summary>
    public static async Task<HttpClient> SignInAsync(GatewayHarness harness, ConsolePerson person, SoftwareAuthenticator authenticator)
    {
        var http = NewClient(harness);
        var (status, page) = await BeginAsync(http, person.Name, person.Password);
        Assert.True(status == HttpStatusCode.OK, page);
        var (signedIn, result, _) = await CompleteAsync(http, page, person.Name, authenticator.Assert(OptionsOf(page)).ToJsonString());
        Assert.True(signedIn == HttpStatusCode.Redirect, result);
        return http;
    }

    /// <summary>Posts the login form's "use a passkey" button: the passkey page (or the refusal) and its antiforgery token.</summary>
    public static async Task<(HttpStatusCode Status, string Page)> BeginAsync(HttpClient http, string name, string password)
    {
        var csrf = await ConsoleHttpSession.CsrfTokenAsync(http, "console/login");
        using var response = await http.PostAsync("console/login", Form(csrf, ("name", name), ("password", password), ("code", string.Empty), ("method", "passkey")), Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    /// <summary>Posts the passkey page's form with <paramref name="assertion"/> as its answer.</summary>
    public static async Task<(HttpStatusCode Status, string Page, Uri? Location)> CompleteAsync(HttpClient http, string passkeyPage, string name, string assertion)
    {
        using var response = await http.PostAsync(
            "console/login/passkey",
            Form(CsrfOf(passkeyPage), ("name", name), ("ceremony_id", CeremonyIdOf(passkeyPage)), ("assertion", assertion)),
            Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel), response.Headers.Location);
    }

    public static JsonElement OptionsOf(string page)
    {
        var match = DataOptions().Match(page);
        Assert.True(match.Success, "no passkey options on the page: " + page[..Math.Min(page.Length, 800)]);
        return JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value)).RootElement.Clone();
    }

    public static string CeremonyIdOf(string page) => CeremonyId().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("no ceremony id on the page");

    public static string ErrorOf(string page) => LoginError().Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : string.Empty;

    private static string CsrfOf(string page) => Csrf().Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("no antiforgery field on the page");

    private static FormUrlEncodedContent Form(string csrf, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Prepend(new("__csrf", csrf)));

    [GeneratedRegex("data-options=\"([^\"]+)\"")]
    private static partial Regex DataOptions();

    [GeneratedRegex("name=\"ceremony_id\" value=\"([^\"]+)\"")]
    private static partial Regex CeremonyId();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();

    [GeneratedRegex("id=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();
}
