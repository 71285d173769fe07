using System.Net;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.WebConsole.Accounts;
using Microsoft.Playwright;

namespace Caduceus.Gateway.Tests.WebConsole;

/// <summary>The console's compliance page in a real headless Chromium against a real gateway on loopback.</summary>
public sealed class ConsoleComplianceBrowserTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private GatewayHarness Harness => browser.Harness;

    [Fact]
    public async Task A_viewer_reads_each_frameworks_controls_with_status_and_evidence_and_no_phi()
    {
        using (var response = await Harness.Http.PostAsync(
            "v1/chat/completions", Requests.Json("""{"messages":[{"role":"user","content":"My SSN is 536-22-1843, please update my chart"}]}"""), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var page = await browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer));
        await page.GotoAsync("/console");
        await page.GetByRole(AriaRole.Link, new() { Name = "Compliance", Exact = true }).ClickAsync();
        await page.Locator("table#controls").WaitForAsync();
        var hipaaRows = await page.Locator("table#controls tbody tr").CountAsync();
        var audit = await page.Locator("tr[data-control-id='164.312(b)']").InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "OWASP Top 10 for LLM Applications 2025" }).ClickAsync();
        await page.Locator("tr[data-control-id='LLM10']").WaitForAsync();
        var owaspIds = await page.Locator("table#controls tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.controlId)");
        var llm08 = await page.Locator("tr[data-control-id='LLM08'] .status").InnerTextAsync();

        Assert.Equal(10, hipaaRows);
        Assert.Contains("Audit:Store: sqlite", audit, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"LLM{n:00}"), owaspIds);
        Assert.Equal("not applicable", llm08);
        Assert.Contains("10 controls:", await page.Locator("#compliance-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("536-22-1843", await page.ContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_framework_says_which_ones_exist()
    {
        var page = await browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer));

        var response = await page.GotoAsync("/console/compliance?framework=sox");

        Assert.Equal(404, response!.Status);
        Assert.Contains("hipaa, owasp-llm, nist-ai-rmf, saif", await page.ContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
