using System.Globalization;
using System.Text.Json;

namespace Caduceus.LoadTest;

/// <summary>Everything one <c>--compare</c> run measured, printed as tables and optionally written as JSON.</summary>
internal sealed record VariantReport(
    DateTimeOffset StartedAt,
    string Machine,
    int ProcessorCount,
    string Runtime,
    string Compare,
    string Mix,
    int Rounds,
    double WarmupSeconds,
    double DurationSeconds,
    IReadOnlyDictionary<string, string> GatewayEnvironment,
    IReadOnlyList<RoundResult> RoundResults,
    IReadOnlyList<VariantSummary> Summaries,
    IReadOnlyList<VariantDifference> Differences,
    IReadOnlyList<ReceiverCount> Receivers)
{
    public bool Failed => RoundResults.Any(r => r.Result.Errors > 0) || Receivers.Any(r => !r.Complete || r.PayloadsWithSampleSsn > 0);

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"--compare {Compare}: {ProcessorCount} cores shared by the load client, the receivers, both gateways and the test model; mix {Mix}; SQLite per gateway.");
        output.WriteLine($"{Rounds} rounds, each target in each round: {WarmupSeconds:0.#} s warm-up + {DurationSeconds:0.#} s measured; the order of the targets rotates from round to round.");
        if (GatewayEnvironment.Count > 0)
        {
            output.WriteLine($"extra environment for the gateways: {string.Join(" ", GatewayEnvironment.Select(v => $"{v.Key}={v.Value}"))}");
        }

        output.WriteLine();
        output.WriteLine("per round:");
        output.WriteLine(Row("target", "round", "conc", "requests", "req/s", "p50 ms", "p99 ms", "cpu ms/req gw", "others"));
        foreach (var r in RoundResults)
        {
            var s = r.Result;
            output.WriteLine(Row(s.Target, Number(r.Round), Number(s.Concurrency), Number(s.Requests), Fixed(s.ThroughputPerSecond, 0), Fixed(s.P50Ms, 2), Fixed(s.P99Ms, 2), s.GatewayCpuMsPerRequest is { } gw ? Fixed(gw, 3) : "-", s.OtherProcessesCores is { } o ? Fixed(o, 2) : "-"));
        }

        foreach (var r in RoundResults.Where(r => r.Result.FirstError is not null).Take(3))
        {
            output.WriteLine($"  round {r.Round} {r.Result.Target}: {r.Result.Errors} error(s), first: {r.Result.FirstError}");
        }

        output.WriteLine();
        output.WriteLine("medians over the rounds (added: minus the test model alone in the same round; others: the most any round saw):");
        output.WriteLine(Row("target", "conc", "rounds", "errors", "req/s", "p50 ms", "p99 ms", "added p50", "added p99", "cpu ms/req gw", "others"));
        foreach (var s in Summaries)
        {
            output.WriteLine(Row(s.Target, Number(s.Concurrency), Number(s.Rounds), Number(s.Errors), Fixed(s.ThroughputPerSecond, 0), Fixed(s.P50Ms, 2), Fixed(s.P99Ms, 2), Fixed(s.AddedP50Ms, 2), Fixed(s.AddedP99Ms, 2), s.GatewayCpuMsPerRequest is { } gw ? Fixed(gw, 3) : "-", s.MaxOtherProcessesCores is { } o ? Fixed(o, 2) : "-"));
        }

        output.WriteLine();
        foreach (var d in Differences)
        {
            output.WriteLine($"{d.Variant} minus {d.Baseline}, concurrency {d.Concurrency}: p50 {Signed(d.MedianP50DifferenceMs)} ms (median of {d.Rounds} rounds; from {Signed(d.MinP50DifferenceMs)} to {Signed(d.MaxP50DifferenceMs)}), gateway CPU {(d.CpuDifferenceMsPerRequest is { } cpu ? Signed(cpu) : "-")} ms per request");
            var verdict = d.Met switch
            {
                true => "met",
                false => "MISSED",
                null => "not judged at this concurrency",
            };
            output.WriteLine($"  budget {(d.BudgetMs is { } budget ? $"<= {Fixed(budget, 2)} ms" : "-")}: {verdict}; {d.Confidence}");
        }

        if (Receivers.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("SIEM receivers (expected: events the exporters variant raised, warm-up and checks included; the sample SSN must never arrive):");
            output.WriteLine(Row("receiver", "events", "expected", "requests", "bytes", "with SSN", "complete"));
            foreach (var r in Receivers)
            {
                output.WriteLine(Row(r.Receiver, Number(r.Events), r.Expected is { } e ? Number(e) : "-", Number(r.Requests), Number(r.Bytes), Number(r.PayloadsWithSampleSsn), r.Complete ? "yes" : "NO"));
            }
        }
    }

    public async Task WriteJsonAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, LoadTestJsonContext.Default.VariantReport, cancellationToken);
    }

    private static string Row(params string[] cells) =>
        string.Join(" ", cells.Select((c, i) => i == 0 ? c.PadRight(16) : c.PadLeft(Math.Max(9, c.Length))));

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
