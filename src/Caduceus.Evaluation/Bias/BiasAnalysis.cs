using Caduceus.Evaluation.Bias.Statistics;

namespace Caduceus.Evaluation.Bias;

/// <summary>
/// Turns observations into a report: for every dimension and every metric the mode measured, each group's rate or
/// mean and a test of "no difference" (Fisher's exact or chi-square for rates, Kruskal–Wallis for means), then
/// Holm's correction over all tested comparisons at level alpha.
/// </summary>
public static class BiasAnalysis
{
    public const double DefaultAlpha = 0.05;

    public static BiasAuditReport Analyze(string mode, int templates, IReadOnlyList<BiasObservation> observations, double alpha = DefaultAlpha)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "The significance level must be between 0 and 1.");
        }

        var dimensions = observations.SelectMany(o => o.Variant.Values.Select(v => v.Dimension)).Distinct().ToList();
        var comparisons = new List<BiasComparison>();
        foreach (var dimension in dimensions)
        {
            var groups = observations
                .Where(o => o.Variant.GroupOf(dimension) is not null)
                .GroupBy(o => o.Variant.GroupOf(dimension)!)
                .ToList();
            foreach (var metric in BiasMetric.All)
            {
                var values = groups
                    .Select(g => (Group: g.Key, Values: g.Select(o => metric.Measure(o, dimension)).OfType<double>().ToList()))
                    .Where(g => g.Values.Count > 0)
                    .ToList();
                if (values.Count < 2)
                {
                    continue;
                }

                var summaries = values.Select(g => new BiasGroupSummary(g.Group, g.Values.Count, g.Values.Average())
                {
                    RefusalReasons = metric == BiasMetric.Refusal ? ReasonCounts(groups.Single(o => o.Key == g.Group)) : new Dictionary<string, int>(),
                }).ToList();
                var test = metric.IsRate
                    ? RateTest.Compare([.. values.Select(g => ((int)g.Values.Sum(), g.Values.Count))])
                    : KruskalWallisTest.Compare([.. values.Select(g => (IReadOnlyList<double>)g.Values)]);
                comparisons.Add(new BiasComparison(dimension, metric, summaries, test));
            }
        }

        return new BiasAuditReport(mode, alpha, templates, observations.Count, Correct(comparisons, alpha));
    }

    private static SortedDictionary<string, int> ReasonCounts(IEnumerable<BiasObservation> observations) =>
        new(observations.Where(o => o.Refused).GroupBy(o => o.RefusalReason ?? "unknown").ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    private static List<BiasComparison> Correct(List<BiasComparison> comparisons, double alpha)
    {
        var tested = comparisons.Select((c, i) => (Comparison: c, Index: i)).Where(p => p.Comparison.Tested).ToList();
        var adjusted = HolmCorrection.Adjust([.. tested.Select(p => p.Comparison.Test.PValue)]);
        var result = comparisons.ToList();
        for (var i = 0; i < tested.Count; i++)
        {
            result[tested[i].Index] = tested[i].Comparison with { AdjustedPValue = adjusted[i], Significant = adjusted[i] < alpha };
        }

        return result;
    }
}
