namespace Caduceus.Evaluation.Bias.Statistics;

/// <summary>
/// The Kruskal–Wallis H test: do the groups' values (scores, answer lengths) come from the same distribution? It
/// compares mean ranks, so it needs no assumption of normality; with two groups it is the two-sided Mann–Whitney U
/// test. Ties get mid-ranks and the usual correction; the p-value is from the chi-square approximation with k − 1
/// degrees of freedom.
/// </summary>
public static class KruskalWallisTest
{
    public const string Name = "kruskal-wallis";

    public static HypothesisTest Compare(IReadOnlyList<IReadOnlyList<double>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var present = groups.Where(g => g.Count > 0).ToList();
        var pooled = present.SelectMany((values, group) => values.Select(value => (Value: value, Group: group)))
            .OrderBy(o => o.Value)
            .ToList();
        var n = pooled.Count;
        if (present.Count < 2 || n < 3)
        {
            return HypothesisTest.NoVariation(Name);
        }

        var rankSums = new double[present.Count];
        var tieTerm = 0.0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end + 1 < n && pooled[end + 1].Value.Equals(pooled[start].Value))
            {
                end++;
            }

            var midRank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                rankSums[pooled[i].Group] += midRank;
            }

            double tied = end - start + 1;
            tieTerm += (tied * tied * tied) - tied;
            start = end + 1;
        }

        var correction = 1 - (tieTerm / (((double)n * n * n) - n));
        if (correction <= 0)
        {
            return HypothesisTest.NoVariation(Name);
        }

        var sum = 0.0;
        for (var group = 0; group < present.Count; group++)
        {
            sum += rankSums[group] * rankSums[group] / present[group].Count;
        }

        var h = ((12.0 / (n * (n + 1.0)) * sum) - (3.0 * (n + 1))) / correction;
        var degreesOfFreedom = present.Count - 1;
        return new HypothesisTest(Name, h, degreesOfFreedom, RateTest.ChiSquareSurvival(h, degreesOfFreedom));
    }
}
