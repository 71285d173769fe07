namespace Caduceus.LoadTest;

/// <summary>
/// Throughput ratios of the gateway, the bare pass-through proxy and the test model alone at one concurrency, measured
/// back to back in one run: how much of the gateway's cost is the extra HTTP hop (bare-proxy/direct) and how much its
/// own work (gateway/bare-proxy).
/// </summary>
internal sealed record BaselineComparison(int Instances, int Concurrency, double GatewayToDirect, double GatewayToBareProxy, double BareProxyToDirect)
{
    public static IReadOnlyList<BaselineComparison> Of(IReadOnlyList<ScenarioResult> results) =>
        [.. results
            .GroupBy(r => (r.Instances, r.Concurrency))
            .Select(g => (
                Direct: g.FirstOrDefault(r => r.Target == Targets.Direct),
                Gateway: g.FirstOrDefault(r => r.Target == Targets.Gateway),
                Bare: g.FirstOrDefault(r => r.Target == Targets.BareProxy)))
            .Where(t => t.Direct is not null && t.Gateway is not null && t.Bare is not null)
            .Select(t => new BaselineComparison(
                t.Gateway!.Instances,
                t.Gateway.Concurrency,
                Ratio(t.Gateway.ThroughputPerSecond, t.Direct!.ThroughputPerSecond),
                Ratio(t.Gateway.ThroughputPerSecond, t.Bare!.ThroughputPerSecond),
                Ratio(t.Bare.ThroughputPerSecond, t.Direct.ThroughputPerSecond)))];

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;
}
