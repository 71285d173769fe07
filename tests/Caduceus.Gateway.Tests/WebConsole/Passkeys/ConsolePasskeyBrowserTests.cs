using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.WebConsole.Accounts;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caduceus.Gateway.Tests.WebConsole.Passkeys;

/// <summary>
/// Passkeys in a real headless Chromium: the page's script makes and uses a passkey through the browser's WebAuthn
/// API, answered by a CTAP2 virtual authenticator the DevTools protocol attaches (internal transport, resident keys,
/// user verification on). The browser is on http://localhost:PORT: WebAuthn refuses IP addresses as relying parties.
/// </summary>
public sealed class ConsolePasskeyBrowserTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private GatewayHarness Harness => browser.Harness;

    [Fact]
    public async Task Registers_a_passkey_then_signs_in_with_password_and_passkey_and_removes_it_with_a_passkey_step_up()
    {
        var person = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = ConsolePasskeyForms.Origin(Harness) });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var devTools = await context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
            },
        });

        await ConsoleBrowser.SignInAsync(page, person);
        await page.GotoAsync("/console/passkeys");
        await page.GetByLabel("Device label (no patient data)").FillAsync("this laptop");
        await page.GetByLabel("Authenticator code").FillAsync(person.Code(stepsAhead: 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Register a passkey" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the passkey" }).ClickAsync();
        Assert.Contains("The passkey is registered", await page.Locator("#passkeys-message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("this laptop", await page.Locator("#passkeys tbody").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync(person.Name);
        await page.GetByLabel("Password").FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey instead" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Confirm with your passkey" }).WaitForAsync();
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.Empty(axe.Violations.Select(v => v.Id));

        await page.GetByRole(AriaRole.Button, new() { Name = "Use my passkey" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/console", StringComparison.Ordinal));
        await page.GotoAsync("/console/passkeys");
        Assert.DoesNotContain("never", await page.Locator("#passkeys tbody").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Harness.Events.Snapshot(), e => e.Type == "console.login_succeeded" && e.Code == "passkey" && e.Principal == "console:" + person.Name);

        // The new session is not stepped up: removing the passkey asks for a step-up, which the passkey gives.
        await page.Locator("#passkeys tbody tr").GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        Assert.Contains("is removed", await page.Locator("#passkeys-message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#passkeys tbody tr").CountAsync());
        await context.CloseAsync();
    }
}
