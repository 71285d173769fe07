using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Caduceus.Gateway.Tests.WebConsole;

/// <summary>
/// One headless Debian Chromium (driven by Playwright, no browser download) and one gateway, shared by a test class.
/// Without /usr/bin/chromium the tests fail with a message saying how to install it; they never skip.
/// </summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    internal GatewayHarness Harness { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The console's browser tests need Debian's chromium at {ChromiumPath}: run scripts/install-deps.sh (apt-get install chromium).");
        }

        Harness = await GatewayHarness.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A fresh browser context (its own cookies) and page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Harness.BaseAddress.ToString().TrimEnd('/') });
        // Generous for a shared 2-core machine running the whole suite; a test that passes takes a few seconds.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs <paramref name="person"/> in through the login form with the current code.</summary>
    internal static async Task SignInAsync(IPage page, ConsolePerson person)
    {
        await page.GotoAsync("/console/login");
        await page.GetByLabel("Name").FillAsync(person.Name);
        await page.GetByLabel("Password").FillAsync(person.Password);
        await page.GetByLabel("Authenticator code").FillAsync(person.Code());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            // A sign-in hashes the password with PBKDF2 (600,000 rounds): seconds when the suite loads both cores.
            await page.WaitForURLAsync(url => !url.Contains("/console/login", StringComparison.Ordinal), new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            // Seen in loaded suite runs: the sign-in did not reach the console, and the page was no longer the login
            // form (an error page?). Say what the page holds, then sign in once more from a fresh login page with the
            // next step's code (the first may have been used), so a persistent refusal still fails the test.
            var content = await page.ContentAsync();
            Console.Error.WriteLine($"console sign-in did not leave the login page ({page.Url}): {content[..Math.Min(content.Length, 600)]}");
            await page.GotoAsync("/console/login");
            await page.GetByLabel("Name").FillAsync(person.Name);
            await page.GetByLabel("Password").FillAsync(person.Password);
            await page.GetByLabel("Authenticator code").FillAsync(person.Code(1));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/console/login", StringComparison.Ordinal), new() { Timeout = 30_000 });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Harness is not null)
        {
            await Harness.DisposeAsync();
        }
    }
}
