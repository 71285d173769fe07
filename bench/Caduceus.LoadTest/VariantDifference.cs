namespace Caduceus.LoadTest;

/// <summary>
/// What the variant adds to the baseline's p50 at one concurrency: the difference of the two p50s in each round (both
/// measured in that round, minutes apart at most), its median, and its spread over the rounds. The budget is judged on
/// the median; <see cref="RoundsOverBudget"/> says how much to trust that on a noisy machine.
/// </summary>
internal sealed record VariantDifference(
    string Baseline,
    string Variant,
    int Concurrency,
    int Rounds,
    double MedianP50DifferenceMs,
    double MinP50DifferenceMs,
    double MaxP50DifferenceMs,
    int RoundsVariantSlower,
    double? CpuDifferenceMsPerRequest,
    double? BudgetMs,
    int RoundsOverBudget,
    bool? Met)
{
    public static IReadOnlyList<VariantDifference> Of(IReadOnlyList<RoundResult> rounds, VariantSet set) =>
    [
        .. rounds
            .GroupBy(r => r.Result.Concurrency)
            .Select(g =>
            {
                var byRound = g.GroupBy(r => r.Round)
                    .Select(round => (Baseline: round.FirstOrDefault(r => r.Result.Target == set.Baseline.Name)?.Result, Variant: round.FirstOrDefault(r => r.Result.Target == set.Variant.Name)?.Result))
                    .Where(p => p.Baseline is not null && p.Variant is not null)
                    .ToArray();
                var differences = byRound.Select(p => p.Variant!.P50Ms - p.Baseline!.P50Ms).ToArray();
                var cpu = byRound
                    .Where(p => p.Baseline!.GatewayCpuMsPerRequest is not null && p.Variant!.GatewayCpuMsPerRequest is not null)
                    .Select(p => p.Variant!.GatewayCpuMsPerRequest!.Value - p.Baseline!.GatewayCpuMsPerRequest!.Value)
                    .ToArray();
                var median = ReportMath.Median(differences);
                var judged = set.Judges(g.Key) && differences.Length > 0;
                return new VariantDifference(
                    set.Baseline.Name,
                    set.Variant.Name,
                    g.Key,
                    differences.Length,
                    median,
                    differences.Length == 0 ? 0 : differences.Min(),
                    differences.Length == 0 ? 0 : differences.Max(),
                    differences.Count(d => d > 0),
                    cpu.Length == 0 ? null : ReportMath.Median(cpu),
                    judged ? set.P50BudgetMs : null,
                    differences.Count(d => d > set.P50BudgetMs),
                    judged ? median <= set.P50BudgetMs : null);
            }),
    ];

    /// <summary>A plain-words note on how far the rounds agree.</summary>
    public string Confidence => Rounds switch
    {
        0 => "no rounds",
        _ when BudgetMs is null => $"{RoundsVariantSlower} of {Rounds} rounds slower with {Variant}",
        _ when RoundsOverBudget == 0 => $"every round within the budget ({RoundsVariantSlower} of {Rounds} slower)",
        _ when RoundsOverBudget == Rounds => "every round over the budget",
        _ => $"{RoundsOverBudget} of {Rounds} rounds over the budget: the spread is as large as the budget, measure longer or on a quieter machine",
    };
}
