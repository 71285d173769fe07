using System.Net;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.WebConsole;
using Caduceus.Gateway.WebConsole.Accounts;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>Two instances started together on an empty shared database agree on one first Data Protection key.</summary>
public sealed class SharedDataProtectionFirstKeyTests : IAsyncLifetime
{
    private SharedStateFleet? _fleet;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await SharedStateFleet.CreateAsync();

    public async ValueTask DisposeAsync() => await _fleet!.DisposeAsync();

    [Fact]
    public async Task Instances_started_together_on_an_empty_database_make_one_key_and_accept_each_others_forms()
    {
        var (keys, crossForm) = await StartTwoAndPostAcrossAsync();

        Assert.Equal(1L, keys);
        Assert.Equal(HttpStatusCode.Redirect, crossForm);
    }

    private async Task<(long Keys, HttpStatusCode CrossForm)> StartTwoAndPostAcrossAsync()
    {
        var starts = Enumerable.Range(0, 2).Select(_ => _fleet!.StartInstanceAsync()).ToArray();
        var instances = await Task.WhenAll(starts);
        await using var first = instances[0];
        await using var second = instances[1];

        // Both load their key rings at once (a login form each), as a load balancer's first requests would.
        await Task.WhenAll(instances.Select(async instance =>
        {
            using var visitor = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
            await ConsoleHttpSession.CsrfTokenAsync(visitor, new Uri(instance.BaseAddress, "console/login").ToString());
        }));
        var person = await ConsolePerson.CreateAsync(first, ConsoleRoles.SecurityViewer);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        var token = await ConsoleHttpSession.CsrfTokenAsync(browser, new Uri(first.BaseAddress, "console/login").ToString());
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token,
            ["name"] = person.Name,
            ["password"] = person.Password,
            ["code"] = person.Code(),
        });
        using var signIn = await browser.PostAsync(new Uri(second.BaseAddress, "console/login"), form, Cancel);
        return (await KeyCountAsync(), signIn.StatusCode);
    }

    private Task<long> KeyCountAsync() => _fleet!.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys");
}
