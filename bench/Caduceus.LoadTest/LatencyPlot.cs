using System.Globalization;

namespace Caduceus.LoadTest;

/// <summary>
/// Latency against load as a PNG: throughput on x, latency on y, one p99 line (solid) and one p50 line (dashed) per
/// instance count; each point is one concurrency. The test model alone is left out: it runs at several times the
/// gateway's throughput and would squeeze the gateway lines against the axis (the tables keep it).
/// </summary>
internal static class LatencyPlot
{
    public static void Write(IReadOnlyList<ScenarioResult> results, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var plot = new ScottPlot.Plot();
        foreach (var line in Lines(results))
        {
            var p99 = plot.Add.Scatter(line.Throughput, line.P99Ms);
            p99.LegendText = $"{line.Label} p99";
            var p50 = plot.Add.Scatter(line.Throughput, line.P50Ms, p99.Color);
            p50.LegendText = $"{line.Label} p50";
            p50.LinePattern = ScottPlot.LinePattern.Dashed;
        }

        plot.XLabel("Throughput (answered requests per second)");
        plot.YLabel("Latency to the last byte (ms)");
        plot.Title($"Caduceus latency against load ({Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)} shared cores)");
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.SavePng(path, 800, 520);
    }

    /// <summary>One line per instance count, points in order of concurrency.</summary>
    public static IReadOnlyList<PlotLine> Lines(IReadOnlyList<ScenarioResult> results)
    {
        var lines = new List<PlotLine>();
        foreach (var phase in results.Where(r => r.Target == Targets.Gateway).GroupBy(r => r.Instances).OrderBy(g => g.Key))
        {
            lines.Add(PlotLine.Of(phase.Key == 1 ? "1 gateway" : $"{phase.Key.ToString(CultureInfo.InvariantCulture)} gateways", phase));
        }

        return lines;
    }
}
