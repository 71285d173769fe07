using Caduceus.Gateway.Models;
using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Models;

public sealed class ModelInventoryOptionsValidatorTests
{
    [Fact]
    public async Task A_seed_entry_with_an_unknown_risk_tier_stops_the_start_with_its_index_and_reason()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Models:Seed:0:Application"] = "default",
            ["Models:Seed:0:Model"] = "gpt-4o",
            ["Models:Seed:0:Owner"] = "ml",
            ["Models:Seed:0:IntendedUse"] = "chat",
            ["Models:Seed:0:RiskTier"] = "extreme",
        };

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHarness.StartAsync(settings: settings));

        Assert.Contains("Models:Seed:0: unknown risk tier 'extreme'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_review_period_stops_the_start()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(
            () => GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Models:ReviewPeriod"] = "00:00:00" }));

        Assert.Contains("Models:ReviewPeriod", refused.Message, StringComparison.Ordinal);
    }
}
