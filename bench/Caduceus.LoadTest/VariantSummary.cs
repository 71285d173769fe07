namespace Caduceus.LoadTest;

/// <summary>
/// One target at one concurrency over all rounds of a <c>--compare</c> run: medians over the rounds, the added latency
/// taken against the test model alone in the same round.
/// </summary>
internal sealed record VariantSummary(
    string Target,
    int Concurrency,
    int Rounds,
    long Errors,
    double ThroughputPerSecond,
    double P50Ms,
    double P99Ms,
    double AddedP50Ms,
    double AddedP99Ms,
    double? GatewayCpuMsPerRequest,
    double? MaxOtherProcessesCores)
{
    public static IReadOnlyList<VariantSummary> Of(IReadOnlyList<RoundResult> rounds)
    {
        var direct = rounds.Where(r => r.Result.Target == Targets.Direct).ToDictionary(r => (r.Round, r.Result.Concurrency), r => r.Result);
        return
        [
            .. rounds
                .GroupBy(r => (r.Result.Target, r.Result.Concurrency))
                .Select(g =>
                {
                    var results = g.Select(r => (r.Round, r.Result)).ToArray();
                    double Added(Func<ScenarioResult, double> value) => ReportMath.Median(results
                        .Where(r => direct.ContainsKey((r.Round, r.Result.Concurrency)))
                        .Select(r => value(r.Result) - value(direct[(r.Round, r.Result.Concurrency)])));
                    var cpu = results.Select(r => r.Result.GatewayCpuMsPerRequest).OfType<double>().ToArray();
                    var others = results.Select(r => r.Result.OtherProcessesCores).OfType<double>().ToArray();
                    return new VariantSummary(
                        g.Key.Target,
                        g.Key.Concurrency,
                        results.Length,
                        results.Sum(r => r.Result.Errors),
                        ReportMath.Median(results.Select(r => r.Result.ThroughputPerSecond)),
                        ReportMath.Median(results.Select(r => r.Result.P50Ms)),
                        ReportMath.Median(results.Select(r => r.Result.P99Ms)),
                        Added(r => r.P50Ms),
                        Added(r => r.P99Ms),
                        cpu.Length == 0 ? null : ReportMath.Median(cpu),
                        others.Length == 0 ? null : others.Max());
                }),
        ];
    }
}
