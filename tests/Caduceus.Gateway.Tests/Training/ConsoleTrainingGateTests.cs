using System.Net;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.WebConsole;
using Caduceus.Gateway.Training;
using Caduceus.Gateway.WebConsole.Accounts;

namespace Caduceus.Gateway.Tests.Training;

/// <summary>The web console's actions are admin actions too: a signed-in person whose training lapsed cannot act.</summary>
public sealed class ConsoleTrainingGateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_console_admin_whose_training_lapsed_is_refused_creating_a_key_and_told_which_courses()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Training:EnforceForAdminActions"] = "true" });
        var person = await ConsolePerson.CreateAsync(harness, ConsoleRoles.SecurityAdmin);
        await TrainingHarness.RegisterAsync(harness, "console:" + person.Name);
        await TrainingHarness.CompleteAsync(harness, "console:" + person.Name, daysAgo: 10, skip: "phishing");
        using var session = await ConsoleHttpSession.SignInAsync(harness, person);
        var token = await ConsoleHttpSession.CsrfTokenAsync(session.Http, "console/keys");
        var keysBefore = (await harness.Keys.ListAsync(Cancel)).Count;

        using var refused = await session.Http.PostAsync("console/keys", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token,
            ["application"] = "default",
            ["role"] = "clinician",
            ["label"] = "front desk tablet",
        }), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Training lapsed", page, StringComparison.Ordinal);
        Assert.Contains("phishing (never completed)", page, StringComparison.Ordinal);
        Assert.Equal(keysBefore, (await harness.Keys.ListAsync(Cancel)).Count);
        var lapsed = Assert.Single(harness.Events.Snapshot(), e => e.Type == TrainingCodes.LapsedEvent);
        Assert.Equal(("console:" + person.Name, "phishing"), (lapsed.Principal, lapsed.Code));
    }
}
