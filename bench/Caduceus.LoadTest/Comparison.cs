namespace Caduceus.LoadTest;

/// <summary>The gateway instances against the test model alone, at one instance count and concurrency, measured back to back.</summary>
internal sealed record Comparison(int Instances, int Concurrency, double AddedP50Ms, double AddedP90Ms, double AddedP99Ms, double ThroughputRatio)
{
    public static IReadOnlyList<Comparison> Of(IReadOnlyList<ScenarioResult> results) =>
        [.. results
            .GroupBy(r => (r.Instances, r.Concurrency))
            .Select(g => (Direct: g.FirstOrDefault(r => r.Target == Targets.Direct), Gateway: g.FirstOrDefault(r => r.Target == Targets.Gateway)))
            .Where(p => p.Direct is not null && p.Gateway is not null)
            .Select(p => new Comparison(
                p.Gateway!.Instances,
                p.Gateway.Concurrency,
                p.Gateway.P50Ms - p.Direct!.P50Ms,
                p.Gateway.P90Ms - p.Direct.P90Ms,
                p.Gateway.P99Ms - p.Direct.P99Ms,
                p.Direct.ThroughputPerSecond == 0 ? 0 : p.Gateway.ThroughputPerSecond / p.Direct.ThroughputPerSecond))];
}
