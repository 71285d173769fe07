using System.Net;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Policies;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.WebConsole.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Caduceus.Gateway.Tests.WebConsole.Applications;

/// <summary>The applications and policies page in a real headless Chromium against a real gateway.</summary>
public sealed class ConsoleApplicationsBrowserTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private const string Ssn = "536-22-1843";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private GatewayHarness Harness => browser.Harness;

    [Fact]
    public async Task An_admin_changes_phi_from_redact_to_block_after_seeing_the_diff_and_the_next_request_is_blocked_and_audited()
    {
        using (var before = await ChatWithSsnAsync())
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var admin = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityAdmin);
        var page = await browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, admin);
        await page.GotoAsync("/console/applications");
        Assert.Contains("Request.Phi = Redact", await page.GetByLabel("Effective policy of default").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the policy of default" }).ClickAsync();
        await page.GetByLabel("Request PHI action").SelectOptionAsync("Block");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review changes" }).ClickAsync();
        var diff = page.Locator("#policy-diff tbody");
        Assert.Equal("Request.Phi = Redact", await diff.Locator("tr.removed code").InnerTextAsync());
        Assert.Equal("Request.Phi = Block", await diff.Locator("tr.added code").InnerTextAsync());
        Assert.True(await diff.Locator("tr.kept").CountAsync() >= 5);
        using (var notYet = await ChatWithSsnAsync())
        {
            Assert.Equal(HttpStatusCode.OK, notYet.StatusCode);
        }

        await page.GetByLabel("Authenticator code").FillAsync(admin.Code(stepsAhead: 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the policy" }).ClickAsync();
        Assert.StartsWith("The new policy of default is saved", await page.Locator("#applications-message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Request.Phi = Block", await page.GetByLabel("Effective policy of default").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("console:" + admin.Name, await page.Locator("#policy-changes").InnerTextAsync(), StringComparison.Ordinal);

        using (var blocked = await ChatWithSsnAsync())
        {
            Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
            Assert.Equal("phi_blocked", (await Requests.BodyAsync(blocked)).GetProperty("error").GetProperty("code").GetString());
        }

        var before16 = PolicyText.Hash(PolicyText.Render(new Caduceus.Policy.ApplicationPolicy()))[..16];
        var record = Assert.Single(await ConsoleAuditRecordsAsync("policy_changed:"));
        Assert.Contains($"policy_changed:{before16}:", record, StringComparison.Ordinal);
        Assert.Contains("console:" + admin.Name, record, StringComparison.Ordinal);
        Assert.Contains(Harness.Events.Snapshot(), e => e.Type == "policy.changed" && e.Code == "overridden" && e.Principal == "console:" + admin.Name);

        // Saving the configured policy again removes the override (within the step-up window: no code asked).
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the policy of default" }).ClickAsync();
        await page.GetByLabel("Request PHI action").SelectOptionAsync("Redact");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review changes" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the policy" }).ClickAsync();
        Assert.StartsWith("The policy of default is back to its configuration", await page.Locator("#applications-message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Harness.Services.GetRequiredService<IPolicyOverrideStore>().ListAsync(Cancel));
        using (var redactedAgain = await ChatWithSsnAsync())
        {
            Assert.Equal(HttpStatusCode.OK, redactedAgain.StatusCode);
        }

        Assert.DoesNotContain(Harness.Logs.Lines, line => line.Contains(Ssn, StringComparison.Ordinal));
        Assert.All(await ConsoleAuditRecordsAsync(string.Empty), r => Assert.DoesNotContain(Ssn, r, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_score_out_of_range_is_refused_with_a_form_error_and_nothing_is_saved()
    {
        var admin = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityAdmin);
        var page = await browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, admin);
        await page.GotoAsync("/console/applications/default/policy");
        await page.GetByLabel("Request minimum score (0 to 1)").FillAsync("1.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review changes" }).ClickAsync();

        Assert.Equal("Nothing was saved: Request.MinimumScore must be a number between 0 and 1, not '1.5'.", await page.Locator("#policy-message").InnerTextAsync());
        await page.GetByLabel("Answer overrides per entity type (one 'TYPE = Action' a line)").FillAsync("SSN = Pseudonymize");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review changes" }).ClickAsync();
        Assert.Contains("Pseudonymize applies to requests only", await page.Locator("#policy-message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Harness.Services.GetRequiredService<IPolicyOverrideStore>().ListAsync(Cancel));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_sees_each_effective_policy_but_no_edit_link_and_a_forged_save_is_refused_with_403()
    {
        var viewer = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        var page = await browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, viewer);
        await page.GotoAsync("/console/applications");
        Assert.Contains("Request.Injection = Block", await page.GetByLabel("Effective policy of default").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Edit the policy of default" }).CountAsync());

        var csrf = await page.Locator("input[name='__csrf']").First.GetAttributeAsync("value");
        var forged = await page.APIRequest.PostAsync("/console/applications/default/policy/confirm", new()
        {
            Form = page.APIRequest.CreateFormData().Set("__csrf", csrf!).Set("proposed", "Request.Phi = Allow").Set("expected", string.Empty).Set("step_up_code", viewer.Code(1)),
        });
        Assert.Equal(403, forged.Status);
        Assert.Empty(await Harness.Services.GetRequiredService<IPolicyOverrideStore>().ListAsync(Cancel));
        await page.Context.CloseAsync();
    }

    private Task<HttpResponseMessage> ChatWithSsnAsync() =>
        Harness.Http.PostAsync("v1/chat/completions", Requests.Json($$"""{"messages":[{"role":"user","content":"My SSN is {{Ssn}}, please update my chart"}]}"""), Cancel);

    private async Task<List<string>> ConsoleAuditRecordsAsync(string codePrefix)
    {
        var found = new List<string>();
        await foreach (var stored in Harness.Services.GetRequiredService<IAuditReader>().ReadAsync(0, Cancel))
        {
            var json = System.Text.Encoding.UTF8.GetString(stored.CanonicalJson);
            if (json.Contains("\"code\":\"" + codePrefix, StringComparison.Ordinal))
            {
                found.Add(json);
            }
        }

        return found;
    }
}
