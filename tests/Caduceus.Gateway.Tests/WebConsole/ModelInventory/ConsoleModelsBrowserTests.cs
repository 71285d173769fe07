using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.WebConsole.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Caduceus.Gateway.Tests.WebConsole.ModelInventory;

/// <summary>The model inventory page in a real headless Chromium against a real gateway.</summary>
public sealed class ConsoleModelsBrowserTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private GatewayHarness Harness => browser.Harness;

    [Fact]
    public async Task An_admin_adds_edits_and_retires_a_model_with_a_step_up_and_each_change_is_audited()
    {
        var admin = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityAdmin);
        var page = await browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, admin);
        await page.GotoAsync("/console/models");
        await page.Locator("tr[data-model='default/caduceus-test-model']").WaitForAsync();

        var model = "gpt-console-" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Upstream model (as clients send it)").FillAsync(model);
        await page.GetByLabel("Version").FillAsync("2024-08");
        await page.GetByLabel("Owner").FillAsync("ml-team");
        await page.GetByLabel("Intended use").FillAsync("portal chat");
        await page.GetByLabel("PHI allowed").SelectOptionAsync("no");
        await page.GetByLabel("Risk tier").SelectOptionAsync("medium");
        await page.GetByLabel("Last review (yyyy-mm-dd)").FillAsync("2020-01-15");
        await page.Locator("#step-up-model").FillAsync(admin.Code(stepsAhead: 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add model" }).ClickAsync();
        Assert.Equal($"Model {model} of application default was added.", await page.Locator("#models-message").InnerTextAsync());
        var row = page.Locator($"tr[data-model='default/{model}']");
        Assert.Contains("overdue", await row.InnerTextAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Link, new() { Name = $"Edit default/{model}" }).ClickAsync();
        await page.GetByLabel("Risk tier").SelectOptionAsync("high");
        await page.GetByLabel("Last review (yyyy-mm-dd)").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.Equal($"Model {model} of application default was updated.", await page.Locator("#models-message").InnerTextAsync());
        var stored = await Harness.Models.GetAsync("default", model, Cancel);
        Assert.Equal(("high", false, "2024-08"), (stored!.RiskTier, stored.PhiAllowed, stored.Version));
        Assert.DoesNotContain("overdue", await row.InnerTextAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Retire default/{model}" }).ClickAsync();
        Assert.Equal($"Model {model} of application default was removed.", await page.Locator("#models-message").InnerTextAsync());
        Assert.Null(await Harness.Models.GetAsync("default", model, Cancel));

        var changes = Harness.Events.Snapshot().Where(e => e.Type == "model_inventory.changed" && e.Principal == "console:" + admin.Name).Select(e => e.Code).ToArray();
        Assert.Equal(["added", "updated", "removed"], changes);
        var records = await ConsoleAuditRecordsAsync("model_inventory:");
        Assert.Equal(3, records.Count(r => r.Contains("console:" + admin.Name, StringComparison.Ordinal) && r.Contains(model, StringComparison.Ordinal)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_bad_review_date_is_refused_with_a_form_error_and_nothing_is_added()
    {
        var admin = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityAdmin);
        var page = await browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, admin);
        await page.GotoAsync("/console/models");
        var model = "future-" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Upstream model (as clients send it)").FillAsync(model);
        await page.GetByLabel("Owner").FillAsync("ml-team");
        await page.GetByLabel("Intended use").FillAsync("triage");
        await page.GetByLabel("PHI allowed").SelectOptionAsync("yes");
        await page.GetByLabel("Last review (yyyy-mm-dd)").FillAsync("2999-01-01");
        await page.Locator("#step-up-model").FillAsync(admin.Code(stepsAhead: 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add model" }).ClickAsync();

        Assert.Equal("The model was not added: last reviewed (2999-01-01) is in the future.", await page.Locator("#models-message").InnerTextAsync());
        Assert.Null(await Harness.Models.GetAsync("default", model, Cancel));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_reads_the_inventory_but_has_no_forms_and_a_forged_retirement_is_refused_with_403()
    {
        var viewer = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        var page = await browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, viewer);
        await page.GotoAsync("/console/models");
        var row = page.Locator("tr[data-model='default/caduceus-test-model']");
        Assert.Contains("low", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("form[action^='/console/models']").CountAsync());

        var csrf = await page.Locator("input[name='__csrf']").First.GetAttributeAsync("value");
        var forged = await page.APIRequest.PostAsync("/console/models/retire", new()
        {
            Form = page.APIRequest.CreateFormData().Set("__csrf", csrf!).Set("application", "default").Set("model", "caduceus-test-model").Set("step_up_code", viewer.Code(1)),
        });
        Assert.Equal(403, forged.Status);
        Assert.NotNull(await Harness.Models.GetAsync("default", "caduceus-test-model", Cancel));
        await page.Context.CloseAsync();
    }

    private async Task<List<string>> ConsoleAuditRecordsAsync(string codePrefix)
    {
        var found = new List<string>();
        await foreach (var stored in Harness.Services.GetRequiredService<IAuditReader>().ReadAsync(0, Cancel))
        {
            var json = System.Text.Encoding.UTF8.GetString(stored.CanonicalJson);
            if (json.Contains("\"kind\":\"console\"", StringComparison.Ordinal) && json.Contains("\"code\":\"" + codePrefix, StringComparison.Ordinal))
            {
                found.Add(json);
            }
        }

        return found;
    }
}
