using System.Net;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Tests.AdminMfa;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.WebConsole.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.WebConsole.Passkeys;

/// <summary><c>/console/passkeys</c> over real HTTP: registering and removing need a step-up, and both are audited.</summary>
public sealed class ConsolePasskeysPageTests(ConsolePasskeyGateway gateway) : IClassFixture<ConsolePasskeyGateway>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private GatewayHarness Harness => gateway.Harness;

    [Fact]
    public async Task Registering_a_passkey_needs_a_step_up_code_and_is_written_to_the_audit_trail()
    {
        var person = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        using var session = await ConsoleHttpSession.SignInAsync(Harness, person);
        var csrf = await ConsoleHttpSession.CsrfTokenAsync(session.Http, "console/passkeys");

        using var withoutStepUp = await session.Http.PostAsync(
            "console/passkeys/options", new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = csrf, ["label"] = "laptop" }), Cancel);
        var refusal = await withoutStepUp.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutStepUp.StatusCode);
        Assert.Contains("needs a step-up", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("data-options", refusal, StringComparison.Ordinal);

        using (var noPasskey = await session.Http.PostAsync(
            "console/passkeys/step-up/options", new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = csrf }), Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, noPasskey.StatusCode);
            Assert.Equal("application/problem+json", noPasskey.Content.Headers.ContentType?.MediaType);
            Assert.Contains("no passkey registered", await noPasskey.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using var authenticator = new SoftwareAuthenticator(ConsolePasskeyForms.Origin(Harness));
        await ConsolePasskeyForms.RegisterAsync(session.Http, authenticator, person.Code(stepsAhead: 1));

        var records = await ConsoleAuditRecordsAsync("passkey_registered:");
        Assert.Contains(records, r => r.Contains("console:" + person.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Removing_a_passkey_needs_a_step_up_which_the_passkey_itself_can_give_and_afterwards_it_no_longer_signs_in()
    {
        var person = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        using var authenticator = new SoftwareAuthenticator(ConsolePasskeyForms.Origin(Harness));
        using var steppedUp = await ConsoleHttpSession.SignInAsync(Harness, person);
        await ConsolePasskeyForms.RegisterAsync(steppedUp.Http, authenticator, person.Code(stepsAhead: 1));

        // Signing in (here with the passkey) is not a step-up: the new session may not remove the passkey.
        using var fresh = await ConsolePasskeyForms.SignInAsync(Harness, person, authenticator);
        var page = await fresh.GetStringAsync("console/passkeys", Cancel);
        var passkeyId = System.Text.RegularExpressions.Regex.Match(page, "data-passkey-id=\"(cpk_[0-9a-f]+)\"").Groups[1].Value;
        Assert.StartsWith("cpk_", passkeyId, StringComparison.Ordinal);
        var freshCsrf = await ConsoleHttpSession.CsrfTokenAsync(fresh, "console/passkeys");
        using (var refused = await fresh.PostAsync($"console/passkeys/{passkeyId}/remove", Form(freshCsrf), Cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("needs a step-up", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        // Another person's passkey id is not found, whoever asks.
        var other = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        using (var otherSession = await ConsoleHttpSession.SignInAsync(Harness, other))
        {
            var otherCsrf = await ConsoleHttpSession.CsrfTokenAsync(otherSession.Http, "console/passkeys");
            using var foreign = await otherSession.Http.PostAsync($"console/passkeys/{passkeyId}/remove", Form(otherCsrf, other.Code(stepsAhead: 1)), Cancel);
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        // The passkey itself steps the new session up: a ceremony for the step-up, answered, then the action.
        using var started = await fresh.PostAsync("console/passkeys/step-up/options", Form(freshCsrf), Cancel);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var stepUp = System.Text.Json.JsonDocument.Parse(await started.Content.ReadAsStringAsync(Cancel)).RootElement;
        var answer = authenticator.Assert(stepUp.GetProperty("options")).ToJsonString();
        using (var removed = await fresh.PostAsync($"console/passkeys/{passkeyId}/remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = freshCsrf,
            ["step_up_ceremony"] = stepUp.GetProperty("ceremony_id").GetString()!,
            ["step_up_assertion"] = answer,
        }), Cancel))
        {
            var body = await removed.Content.ReadAsStringAsync(Cancel);
            Assert.True(removed.StatusCode == HttpStatusCode.OK && body.Contains($"Passkey {passkeyId} is removed", StringComparison.Ordinal), body);
        }

        Assert.Contains(await ConsoleAuditRecordsAsync("passkey_removed:" + passkeyId), r => r.Contains("console:" + person.Name, StringComparison.Ordinal));
        Assert.Contains(Harness.Events.Snapshot(), e => e.Type == "console.passkey_removed" && e.Principal == "console:" + person.Name);
        Assert.Contains(Harness.Events.Snapshot(), e => e.Type == "console.step_up_succeeded" && e.Code == "passkey" && e.Principal == "console:" + person.Name);
        using var next = ConsolePasskeyForms.NewClient(Harness);
        var (status, refusal) = await ConsolePasskeyForms.BeginAsync(next, person.Name, person.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("no passkey registered", ConsolePasskeyForms.ErrorOf(refusal), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(string csrf, string? stepUpCode = null) =>
        new(stepUpCode is null
            ? new Dictionary<string, string> { ["__csrf"] = csrf }
            : new Dictionary<string, string> { ["__csrf"] = csrf, ["step_up_code"] = stepUpCode });

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
