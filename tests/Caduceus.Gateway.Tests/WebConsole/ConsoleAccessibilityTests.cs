using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.WebConsole.Accounts;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caduceus.Gateway.Tests.WebConsole;

/// <summary>
/// Every console page at a laptop's 1366×768 in headless Chromium: axe-core's WCAG 2 A and AA rules (the engine ships
/// inside the Deque.AxeCore package and is injected by Playwright; no network), no horizontal scrolling, and every
/// action reachable with the Tab key.
/// </summary>
public sealed class ConsoleAccessibilityTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private static readonly string[] Pages =
    [
        "/console", "/console/live", "/console/audit", "/console/incidents", "/console/keys", "/console/playground",
        "/console/models", "/console/applications", "/console/applications/default/policy", "/console/passkeys",
    ];

    private GatewayHarness Harness => browser.Harness;

    [Fact]
    public async Task Every_page_passes_axe_wcag_a_and_aa_rules_and_fits_a_1366_by_768_screen_without_horizontal_scrolling()
    {
        var page = await LaptopPageAsync();
        var problems = new List<string>();
        await page.GotoAsync("/console/login");
        await CheckAsync(page, "/console/login", problems);
        await ConsoleBrowser.SignInAsync(page, await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityAdmin));
        foreach (var path in Pages)
        {
            await page.GotoAsync(path);
            await CheckAsync(page, path, problems);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_tab_key_reaches_every_link_button_and_field_of_the_model_page_and_focus_is_outlined()
    {
        var page = await LaptopPageAsync();
        await ConsoleBrowser.SignInAsync(page, await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityAdmin));
        await page.GotoAsync("/console/models");
        var actions = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')].map((e, i) => { e.dataset.a11y = String(i); return String(i); })");
        var reached = new HashSet<string>(StringComparer.Ordinal);
        for (var press = 0; press < actions.Length * 2 && reached.Count < actions.Length; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement; return [e?.dataset?.a11y ?? '', e ? getComputedStyle(e).outlineStyle : 'none']; }");
            if (focused[0].Length > 0)
            {
                reached.Add(focused[0]);
                Assert.True(focused[1] != "none", $"action {focused[0]} shows no focus outline");
            }
        }

        Assert.Equal(actions.Length, reached.Count);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_axe_check_reports_an_unlabelled_field_and_an_image_without_alt_text()
    {
        var page = await LaptopPageAsync();
        await page.SetContentAsync("""<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1><input type="text"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>""");
        var problems = new List<string>();

        await CheckAsync(page, "sample", problems);

        Assert.Contains(problems, p => p.StartsWith("sample: label ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sample: image-alt ", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    private async Task<IPage> LaptopPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Harness.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    private static async Task CheckAsync(IPage page, string path, List<string> problems)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        if (result.Passes.Length == 0)
        {
            problems.Add($"{path}: axe ran no rules");
        }

        foreach (var violation in result.Violations)
        {
            problems.Add($"{path}: {violation.Id} ({violation.Impact}) {violation.Help}: {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}");
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            problems.Add($"{path}: scrolls horizontally by {overflow} px at 1366x768");
        }
    }
}
