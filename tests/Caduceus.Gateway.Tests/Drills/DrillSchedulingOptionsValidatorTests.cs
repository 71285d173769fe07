using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Drills;

public sealed class DrillSchedulingOptionsValidatorTests
{
    [Theory]
    [InlineData("Cron", "0 3 * *", "Drills:Schedules:0:Cron '0 3 * *' is not a 5-field cron expression")]
    [InlineData("Cron", "0 0 3 * * *", "Drills:Schedules:0:Cron '0 0 3 * * *' is not a 5-field cron expression")]
    [InlineData("Application", "billing", "Drills:Schedules:0:Application 'billing' is not a configured application")]
    [InlineData("Suites:0", "jailbreaks", "Drills:Schedules:0:Suites: unknown suite 'jailbreaks'")]
    [InlineData("MinimumStoppedRate", "1.5", "Drills:Schedules:0:MinimumStoppedRate must be between 0 and 1")]
    [InlineData("MaxBenignRefusedRate", "-0.1", "Drills:Schedules:0:MaxBenignRefusedRate must be between 0 and 1")]
    [InlineData("IncidentActions:0", "reboot", "Drills:Schedules:0:IncidentActions: 'reboot' is not a containment action")]
    [InlineData("MinimumStoppedRates:LLM99", "0.9", "Drills:Schedules:0:MinimumStoppedRates:LLM99 is not an OWASP id")]
    public async Task A_bad_schedule_setting_stops_the_start_naming_it(string setting, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Drills:Schedules:0:Name"] = "nightly",
            ["Drills:Schedules:0:Cron"] = "0 3 * * *",
            ["Drills:Schedules:0:Application"] = "default",
            [$"Drills:Schedules:0:{setting}"] = value,
        };

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHarness.StartAsync(settings: settings, upstreamOverride: "http://127.0.0.1:9/v1"));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_schedules_with_one_name_and_a_zero_drill_rate_limit_stop_the_start()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Drills:Schedules:0:Name"] = "nightly",
            ["Drills:Schedules:0:Cron"] = "0 3 * * *",
            ["Drills:Schedules:1:Name"] = "NIGHTLY",
            ["Drills:Schedules:1:Cron"] = "0 4 * * *",
            ["Drills:Limits:RequestsPerMinute"] = "0",
        };

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHarness.StartAsync(settings: settings, upstreamOverride: "http://127.0.0.1:9/v1"));

        Assert.Contains("Drills:Schedules:1:Name 'NIGHTLY' is used by another schedule", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Drills:Limits:RequestsPerMinute must be between 1 and 1000000", refused.Message, StringComparison.Ordinal);
    }
}
