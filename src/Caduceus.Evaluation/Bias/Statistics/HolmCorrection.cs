namespace Caduceus.Evaluation.Bias.Statistics;

/// <summary>
/// Holm's step-down correction for running many tests at once: adjusted p-values that keep the chance of any false
/// alarm across the whole family at the significance level (uniformly more powerful than Bonferroni).
/// </summary>
public static class HolmCorrection
{
    /// <returns>The adjusted p-values, in the order of <paramref name="pValues"/>.</returns>
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var runningMax = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var index = order[rank];
            runningMax = Math.Max(runningMax, Math.Min(1, (m - rank) * pValues[index]));
            adjusted[index] = runningMax;
        }

        return adjusted;
    }
}
