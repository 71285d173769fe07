using Caduceus.LoadTest;

namespace Caduceus.LoadTest.Tests;

internal static class SampleResults
{
    public static ScenarioResult Of(string target, int instances, int concurrency, double throughput, double p50, double p99) =>
        new(target, instances, concurrency, 10, (long)(throughput * 10), 0, 0, null, throughput, p50, p99 * 0.8, p99, p99 * 1.5, target == Targets.Gateway ? 2.0 : null, 0.5, 0.3, 1.2, 0.1);
}
