using MathNet.Numerics;

namespace Caduceus.Evaluation.Bias.Statistics;

/// <summary>
/// Tests whether a yes/no outcome (refused, detected) happens at the same rate in every group: the 2×k contingency
/// table of groups by outcome. Two groups get Fisher's exact test (two-sided); more get Pearson's chi-square test of
/// independence with k − 1 degrees of freedom.
/// </summary>
public static class RateTest
{
    /// <param name="groups">Per group, how many observations had the outcome and how many there were.</param>
    public static HypothesisTest Compare(IReadOnlyList<(int Hits, int Total)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var present = groups.Where(g => g.Total > 0).ToList();
        foreach (var (hits, total) in present)
        {
            if (hits < 0 || hits > total)
            {
                throw new ArgumentException("Each group's hits must be between 0 and its total.", nameof(groups));
            }
        }

        return present.Count == 2
            ? FisherExact(present[0].Hits, present[0].Total - present[0].Hits, present[1].Hits, present[1].Total - present[1].Hits)
            : ChiSquare(present);
    }

    /// <summary>Pearson's chi-square test of independence for a 2×k table (no continuity correction).</summary>
    public static HypothesisTest ChiSquare(IReadOnlyList<(int Hits, int Total)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var present = groups.Where(g => g.Total > 0).ToList();
        double hits = present.Sum(g => g.Hits);
        double total = present.Sum(g => g.Total);
        if (present.Count < 2 || hits == 0 || hits == total)
        {
            return HypothesisTest.NoVariation("chi-square");
        }

        var statistic = 0.0;
        foreach (var group in present)
        {
            var expectedHits = group.Total * hits / total;
            var expectedMisses = group.Total - expectedHits;
            statistic += Square(group.Hits - expectedHits) / expectedHits;
            statistic += Square(group.Total - group.Hits - expectedMisses) / expectedMisses;
        }

        var degreesOfFreedom = present.Count - 1;
        return new HypothesisTest("chi-square", statistic, degreesOfFreedom, ChiSquareSurvival(statistic, degreesOfFreedom));
    }

    /// <summary>
    /// Fisher's exact test for the 2×2 table [[a, b], [c, d]], two-sided: the total probability, with the margins
    /// fixed, of every table no more likely than the one observed.
    /// </summary>
    public static HypothesisTest FisherExact(int a, int b, int c, int d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentException("Table cells cannot be negative.");
        }

        var firstRow = a + b;
        var firstColumn = a + c;
        var n = a + b + c + d;
        if (firstRow == 0 || firstRow == n || firstColumn == 0 || firstColumn == n)
        {
            return HypothesisTest.NoVariation("fisher-exact");
        }

        var observed = TableProbability(a, firstRow, firstColumn, n);
        var p = 0.0;
        for (var x = Math.Max(0, firstRow + firstColumn - n); x <= Math.Min(firstRow, firstColumn); x++)
        {
            var probability = TableProbability(x, firstRow, firstColumn, n);
            // The relative tolerance keeps tables exactly as likely as the observed one despite rounding.
            if (probability <= observed * (1 + 1e-7))
            {
                p += probability;
            }
        }

        return new HypothesisTest("fisher-exact", observed, 0, Math.Min(1, p));
    }

    /// <summary>P(X ≥ x) for a chi-square variable with <paramref name="degreesOfFreedom"/>.</summary>
    public static double ChiSquareSurvival(double x, int degreesOfFreedom) =>
        x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2.0);

    // Hypergeometric probability of a table whose top-left cell is x, with the margins fixed.
    private static double TableProbability(int x, int firstRow, int firstColumn, int n) =>
        Math.Exp(SpecialFunctions.BinomialLn(firstColumn, x) + SpecialFunctions.BinomialLn(n - firstColumn, firstRow - x) - SpecialFunctions.BinomialLn(n, firstRow));

    private static double Square(double value) => value * value;
}
