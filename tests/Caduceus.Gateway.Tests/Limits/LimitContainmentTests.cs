using System.Net;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Identity;

namespace Caduceus.Gateway.Tests.Limits;

public sealed class LimitContainmentTests
{
    [Fact]
    public async Task A_caller_that_keeps_hitting_its_limit_is_suspended_by_a_configured_playbook()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Limits:RequestsPerMinute"] = "1",
            ["Incidents:Playbooks:unbounded-consumption:EventTypes:0"] = "limit.exceeded",
            ["Incidents:Playbooks:unbounded-consumption:Threshold"] = "3",
            ["Incidents:Playbooks:unbounded-consumption:Actions:0"] = "suspend_key",
        });
        var clinician = await harness.CreateKeyAsync(CallerRoles.Clinician);
        using var client = harness.HttpWithKey(clinician.Secret);

        using var allowed = await Requests.ChatAsync(client);
        using var limited = await Requests.ChatAsync(client);
        using var suspended = await Requests.ChatUntilAsync(client, HttpStatusCode.Forbidden, TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("caller_suspended", (await Requests.BodyAsync(suspended)).GetProperty("error").GetProperty("code").GetString());
    }
}
