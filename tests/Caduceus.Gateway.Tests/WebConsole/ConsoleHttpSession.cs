using System.Net;
using System.Text.RegularExpressions;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.WebConsole;

/// <summary>A signed-in console session over plain HTTP (cookies kept, redirects not followed), for timing pages without a browser.</summary>
internal sealed partial class ConsoleHttpSession : IDisposable
{
    private ConsoleHttpSession(HttpClient http)
    {
        Http = http;
    }

    public HttpClient Http { get; }

    public static async Task<ConsoleHttpSession> SignInAsync(GatewayHarness harness, ConsolePerson person)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = harness.BaseAddress };
        var token = await CsrfTokenAsync(http, "console/login");
        using var response = await http.PostAsync("console/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token,
            ["name"] = person.Name,
            ["password"] = person.Password,
            ["code"] = person.Code(),
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new ConsoleHttpSession(http);
    }

    /// <summary>The antiforgery token of the page at <paramref name="path"/> (its cookie is kept by the client).</summary>
    public static async Task<string> CsrfTokenAsync(HttpClient http, string path)
    {
        var html = await http.GetStringAsync(path, TestContext.Current.CancellationToken);
        return CsrfField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery field on " + path);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
