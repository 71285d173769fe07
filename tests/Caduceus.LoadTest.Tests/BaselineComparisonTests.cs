using Caduceus.LoadTest;

namespace Caduceus.LoadTest.Tests;

public sealed class BaselineComparisonTests
{
    [Fact]
    public void Gateway_and_bare_proxy_are_each_compared_with_direct_and_with_each_other_per_concurrency()
    {
        ScenarioResult[] results =
        [
            SampleResults.Of(Targets.Direct, instances: 1, concurrency: 64, throughput: 1000, p50: 2, p99: 6),
            SampleResults.Of(Targets.Gateway, instances: 1, concurrency: 64, throughput: 200, p50: 12, p99: 30),
            SampleResults.Of(Targets.BareProxy, instances: 1, concurrency: 64, throughput: 500, p50: 5, p99: 10),
            SampleResults.Of(Targets.Direct, instances: 1, concurrency: 1, throughput: 100, p50: 1, p99: 2),
            SampleResults.Of(Targets.Gateway, instances: 1, concurrency: 1, throughput: 50, p50: 2, p99: 4),
            SampleResults.Of(Targets.BareProxy, instances: 1, concurrency: 1, throughput: 80, p50: 1, p99: 3),
        ];

        var baselines = BaselineComparison.Of(results);

        var at64 = Assert.Single(baselines, b => b.Concurrency == 64);
        Assert.Equal((0.2, 0.4, 0.5), (at64.GatewayToDirect, at64.GatewayToBareProxy, at64.BareProxyToDirect));
        var at1 = Assert.Single(baselines, b => b.Concurrency == 1);
        Assert.Equal((0.5, 0.625, 0.8), (at1.GatewayToDirect, at1.GatewayToBareProxy, at1.BareProxyToDirect));
    }

    [Fact]
    public void Nothing_is_compared_without_a_bare_proxy_run()
    {
        ScenarioResult[] results =
        [
            SampleResults.Of(Targets.Direct, instances: 1, concurrency: 64, throughput: 1000, p50: 2, p99: 6),
            SampleResults.Of(Targets.Gateway, instances: 1, concurrency: 64, throughput: 200, p50: 12, p99: 30),
        ];

        Assert.Empty(BaselineComparison.Of(results));
        Assert.Single(Comparison.Of(results));
    }

    [Fact]
    public void The_bare_proxy_run_does_not_change_the_gateway_comparison()
    {
        ScenarioResult[] results =
        [
            SampleResults.Of(Targets.Direct, instances: 1, concurrency: 64, throughput: 1000, p50: 2, p99: 6),
            SampleResults.Of(Targets.Gateway, instances: 1, concurrency: 64, throughput: 200, p50: 12, p99: 30),
            SampleResults.Of(Targets.BareProxy, instances: 1, concurrency: 64, throughput: 500, p50: 5, p99: 10),
        ];

        var comparison = Assert.Single(Comparison.Of(results));

        Assert.Equal((10.0, 0.2), (comparison.AddedP50Ms, comparison.ThroughputRatio));
    }
}
