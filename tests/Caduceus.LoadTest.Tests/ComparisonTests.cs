using Caduceus.LoadTest;

namespace Caduceus.LoadTest.Tests;

public sealed class ComparisonTests
{
    [Fact]
    public void Each_instance_count_is_compared_with_the_direct_run_of_its_own_phase()
    {
        ScenarioResult[] results =
        [
            SampleResults.Of(Targets.Direct, instances: 1, concurrency: 8, throughput: 1000, p50: 2, p99: 6),
            SampleResults.Of(Targets.Gateway, instances: 1, concurrency: 8, throughput: 400, p50: 12, p99: 30),
            SampleResults.Of(Targets.Direct, instances: 2, concurrency: 8, throughput: 800, p50: 3, p99: 8),
            SampleResults.Of(Targets.Gateway, instances: 2, concurrency: 8, throughput: 400, p50: 15, p99: 40),
        ];

        var comparisons = Comparison.Of(results);

        Assert.Equal(2, comparisons.Count);
        var one = Assert.Single(comparisons, c => c.Instances == 1);
        Assert.Equal((10.0, 24.0, 0.4), (one.AddedP50Ms, one.AddedP99Ms, one.ThroughputRatio));
        var two = Assert.Single(comparisons, c => c.Instances == 2);
        Assert.Equal((12.0, 32.0, 0.5), (two.AddedP50Ms, two.AddedP99Ms, two.ThroughputRatio));
    }

    [Fact]
    public void A_gateway_run_without_a_direct_run_at_its_concurrency_is_not_compared()
    {
        ScenarioResult[] results =
        [
            SampleResults.Of(Targets.Direct, instances: 1, concurrency: 1, throughput: 100, p50: 1, p99: 2),
            SampleResults.Of(Targets.Gateway, instances: 1, concurrency: 64, throughput: 400, p50: 12, p99: 30),
        ];

        Assert.Empty(Comparison.Of(results));
    }
}
