namespace Caduceus.LoadTest;

/// <summary>One line of the latency plot: a target's points in order of concurrency.</summary>
internal sealed record PlotLine(string Label, double[] Throughput, double[] P50Ms, double[] P99Ms)
{
    public static PlotLine Of(string label, IEnumerable<ScenarioResult> results)
    {
        var points = results.OrderBy(r => r.Concurrency).ToArray();
        return new(label, [.. points.Select(p => p.ThroughputPerSecond)], [.. points.Select(p => p.P50Ms)], [.. points.Select(p => p.P99Ms)]);
    }
}
