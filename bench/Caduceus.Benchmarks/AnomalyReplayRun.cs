using System.Diagnostics;
using System.Globalization;
using Caduceus.Bench.AnomalyTraffic;
using Caduceus.Gateway.Anomaly;

namespace Caduceus.Benchmarks;

/// <summary>
/// <c>anomaly-replay [N]</c>: replays N (default 100,000) requests of seeded normal clinic traffic through the
/// anomaly detector and prints the false anomalies per 10,000 requests, then how soon each attack is flagged.
/// </summary>
internal static class AnomalyReplayRun
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var normal = SyntheticClinicTraffic.Normal(7, count);
        var watch = Stopwatch.StartNew();
        var raised = await AnomalyReplay.RunAsync(new AnomalyDetector(AnomalyReplay.ClinicOptions(), new InMemoryAnomalyStateStore()), normal);
        Console.WriteLine(FormattableString.Invariant(
            $"normal: {normal.Count} requests over {(normal[^1].Time - normal[0].Time).TotalDays:F1} days, {raised.Count} anomalies ({raised.Count * 10_000.0 / normal.Count:F2} per 10,000), {watch.Elapsed.TotalMicroseconds / normal.Count:F1} us per request"));
        foreach (var (_, anomaly) in raised)
        {
            Console.WriteLine($"  {anomaly.Time:u} {anomaly.Detail}");
        }

        foreach (var (name, attack) in AttackScenarios.All(11))
        {
            var outcome = await AnomalyReplay.AttackAsync(name, AnomalyReplay.ClinicOptions(), normal, attack);
            Console.WriteLine($"{name}: flagged at request {outcome.FlaggedAtRequest?.ToString(CultureInfo.InvariantCulture) ?? "never"} of {outcome.Requests} by {outcome.FirstMetric}/{outcome.FirstDimension}; {outcome.FalseAnomalies} anomalies on normal requests");
        }
    }
}
