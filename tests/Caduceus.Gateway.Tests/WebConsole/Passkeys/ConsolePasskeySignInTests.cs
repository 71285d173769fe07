using System.Net;
using System.Text.Json.Nodes;
using Caduceus.Gateway.Tests.AdminMfa;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.WebConsole.Accounts;

namespace Caduceus.Gateway.Tests.WebConsole.Passkeys;

/// <summary>Password + passkey sign-in over real HTTP, with a software authenticator: what is accepted and every refusal.</summary>
public sealed class ConsolePasskeySignInTests(ConsolePasskeyGateway gateway) : IClassFixture<ConsolePasskeyGateway>
{
    private GatewayHarness Harness => gateway.Harness;

    [Fact]
    public async Task Signs_in_with_password_and_passkey_and_the_same_answer_cannot_be_replayed()
    {
        var person = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        using var authenticator = new SoftwareAuthenticator(ConsolePasskeyForms.Origin(Harness));
        await ConsolePasskeyForms.RegisterAsync(Harness, person, authenticator);
        Assert.Contains(Harness.Events.Snapshot(), e => e.Type == "console.passkey_registered" && e.Principal == "console:" + person.Name);

        using var http = ConsolePasskeyForms.NewClient(Harness);
        var (status, page) = await ConsolePasskeyForms.BeginAsync(http, person.Name, person.Password);
        Assert.Equal(HttpStatusCode.OK, status);
        var options = ConsolePasskeyForms.OptionsOf(page);
        Assert.Equal("localhost", options.GetProperty("rpId").GetString());
        Assert.Equal("required", options.GetProperty("userVerification").GetString());
        var assertion = authenticator.Assert(options).ToJsonString();

        var signedIn = await ConsolePasskeyForms.CompleteAsync(http, page, person.Name, assertion);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/console", signedIn.Location?.ToString());
        using (var console = await http.GetAsync("console/passkeys", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        }

        Assert.Contains(Harness.Events.Snapshot(), e => e.Type == "console.login_succeeded" && e.Code == "passkey" && e.Principal == "console:" + person.Name);

        // The same answer again: its ceremony was taken by the first use, so there is nothing left for it to answer.
        var replayed = await ConsolePasskeyForms.CompleteAsync(http, page, person.Name, assertion);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.Status);
        Assert.Contains("unknown, expired or already used", ConsolePasskeyForms.ErrorOf(replayed.Page), StringComparison.Ordinal);
        Assert.DoesNotContain(Harness.Logs.Lines, line => line.Contains(person.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_without_a_passkey_is_told_to_sign_in_with_its_code()
    {
        var person = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        using var http = ConsolePasskeyForms.NewClient(Harness);

        var (status, page) = await ConsolePasskeyForms.BeginAsync(http, person.Name, person.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("no passkey registered", ConsolePasskeyForms.ErrorOf(page), StringComparison.Ordinal);
        Assert.DoesNotContain("data-options", page, StringComparison.Ordinal);
        Assert.Contains(Harness.Events.Snapshot(), e => e.Type == "console.login_failed" && e.Code == "no_passkey" && e.Principal == "console:" + person.Name);
    }

    [Fact]
    public async Task A_wrong_password_starts_no_passkey_ceremony()
    {
        var person = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        using var authenticator = new SoftwareAuthenticator(ConsolePasskeyForms.Origin(Harness));
        await ConsolePasskeyForms.RegisterAsync(Harness, person, authenticator);
        using var http = ConsolePasskeyForms.NewClient(Harness);

        var (status, page) = await ConsolePasskeyForms.BeginAsync(http, person.Name, person.Password + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("The name or password is not right.", ConsolePasskeyForms.ErrorOf(page));
        Assert.DoesNotContain("data-options", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assertion_made_with_another_accounts_passkey_is_refused()
    {
        var alice = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        var bob = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        using var alicesKey = new SoftwareAuthenticator(ConsolePasskeyForms.Origin(Harness));
        using var bobsKey = new SoftwareAuthenticator(ConsolePasskeyForms.Origin(Harness));
        await ConsolePasskeyForms.RegisterAsync(Harness, alice, alicesKey);
        await ConsolePasskeyForms.RegisterAsync(Harness, bob, bobsKey);
        using var http = ConsolePasskeyForms.NewClient(Harness);

        // Bob knows Alice's password but holds only his own passkey.
        var (_, page) = await ConsolePasskeyForms.BeginAsync(http, alice.Name, alice.Password);
        var refused = await ConsolePasskeyForms.CompleteAsync(http, page, alice.Name, bobsKey.Assert(ConsolePasskeyForms.OptionsOf(page)).ToJsonString());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("not registered to this account", ConsolePasskeyForms.ErrorOf(refused.Page), StringComparison.Ordinal);
        Assert.Contains(Harness.Events.Snapshot(), e => e.Type == "console.login_failed" && e.Code == "passkey_foreign" && e.Principal == "console:" + alice.Name);
    }

    [Fact]
    public async Task An_assertion_over_a_tampered_challenge_or_from_another_origin_is_refused()
    {
        var person = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        using var authenticator = new SoftwareAuthenticator(ConsolePasskeyForms.Origin(Harness));
        await ConsolePasskeyForms.RegisterAsync(Harness, person, authenticator);

        using var http = ConsolePasskeyForms.NewClient(Harness);
        var (_, page) = await ConsolePasskeyForms.BeginAsync(http, person.Name, person.Password);
        var tampered = JsonNode.Parse(ConsolePasskeyForms.OptionsOf(page).GetRawText())!;
        tampered["challenge"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        var refused = await ConsolePasskeyForms.CompleteAsync(http, page, person.Name, authenticator.Assert(JsonSerializerElement(tampered)).ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("did not verify", ConsolePasskeyForms.ErrorOf(refused.Page), StringComparison.Ordinal);

        // A look-alike site relaying the ceremony: the browser names the site it was on, and the console refuses it.
        var (_, second) = await ConsolePasskeyForms.BeginAsync(http, person.Name, person.Password);
        authenticator.Origin = $"http://localhost.evil.example:{Harness.BaseAddress.Port}";
        var phished = await ConsolePasskeyForms.CompleteAsync(http, second, person.Name, authenticator.Assert(ConsolePasskeyForms.OptionsOf(second)).ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, phished.Status);
        Assert.Contains("did not verify", ConsolePasskeyForms.ErrorOf(phished.Page), StringComparison.Ordinal);
        Assert.Equal(2, Harness.Events.Snapshot().Count(e => e.Type == "console.login_failed" && e.Code == "passkey_invalid" && e.Principal == "console:" + person.Name));
    }

    [Fact]
    public async Task A_malformed_answer_is_refused_without_a_server_error()
    {
        var person = await ConsolePerson.CreateAsync(Harness, ConsoleRoles.SecurityViewer);
        using var authenticator = new SoftwareAuthenticator(ConsolePasskeyForms.Origin(Harness));
        await ConsolePasskeyForms.RegisterAsync(Harness, person, authenticator);
        using var http = ConsolePasskeyForms.NewClient(Harness);
        var (_, page) = await ConsolePasskeyForms.BeginAsync(http, person.Name, person.Password);

        var refused = await ConsolePasskeyForms.CompleteAsync(http, page, person.Name, "{\"id\": 12, \"response\": [\"not a credential\"]}");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("no usable passkey answer", ConsolePasskeyForms.ErrorOf(refused.Page), StringComparison.Ordinal);
    }

    private static System.Text.Json.JsonElement JsonSerializerElement(JsonNode node) => System.Text.Json.JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
}
