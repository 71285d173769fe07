using Caduceus.Gateway.Tests.Drills;
using Caduceus.Gateway.WebConsole.Accounts;
using Microsoft.Playwright;

namespace Caduceus.Gateway.Tests.WebConsole;

/// <summary><c>/console/drills</c> in a real headless Chromium, against a gateway with a drill schedule in front of the vulnerable clinic.</summary>
public sealed class ConsoleDrillsBrowserTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task An_admin_runs_a_drill_now_and_sees_its_scorecard_while_a_viewer_gets_no_button_and_a_forged_run_is_refused()
    {
        await using var gateway = await DrillGateway.StartAsync(DrillGateway.Settings("system-prompt-leakage"));
        var viewer = await ConsolePerson.CreateAsync(gateway.Harness, ConsoleRoles.SecurityViewer);
        var admin = await ConsolePerson.CreateAsync(gateway.Harness, ConsoleRoles.SecurityAdmin);

        var viewerPage = await NewPageAsync(gateway);
        await ConsoleBrowser.SignInAsync(viewerPage, viewer);
        await viewerPage.GotoAsync("/console/drills");
        var viewerCard = viewerPage.Locator("section[data-schedule='nightly']");
        await viewerCard.WaitForAsync();
        Assert.Contains("Not run yet", await viewerCard.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await viewerPage.GetByRole(AriaRole.Button, new() { Name = "Run drill nightly now" }).CountAsync());
        var csrf = await viewerPage.Locator("input[name='__csrf']").First.GetAttributeAsync("value");
        var forged = await viewerPage.APIRequest.PostAsync("/console/drills/nightly/run", new() { Form = viewerPage.APIRequest.CreateFormData().Set("__csrf", csrf!) });
        Assert.Equal(403, forged.Status);
        Assert.Null(await gateway.Results.LatestAsync(DrillGateway.Schedule, TestContext.Current.CancellationToken));
        await viewerPage.Context.CloseAsync();

        var page = await NewPageAsync(gateway);
        await ConsoleBrowser.SignInAsync(page, admin);
        await page.GotoAsync("/console/drills");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run drill nightly now" }).ClickAsync();

        await page.Locator("#drills-message").WaitForAsync();
        Assert.Equal("Drill nightly passed.", await page.Locator("#drills-message").InnerTextAsync());
        var card = page.Locator("section[data-schedule='nightly']");
        Assert.Equal("passed", await card.Locator(".drill-outcome").InnerTextAsync());
        var llm07 = await card.Locator("tr[data-category='LLM07']").InnerTextAsync();
        Assert.Contains("LLM07 System Prompt Leakage", llm07, StringComparison.Ordinal);
        Assert.Contains("100.0%", llm07, StringComparison.Ordinal);
        Assert.Contains("/ 50", await card.Locator("tr[data-category='benign']").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> NewPageAsync(DrillGateway gateway)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = gateway.Harness.BaseAddress.ToString().TrimEnd('/') });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }
}
