namespace Caduceus.Evaluation.Bias;

/// <summary>The outcome of a bias audit: per dimension and metric, the groups' figures and whether they differ.</summary>
public sealed record BiasAuditReport(string Mode, double Alpha, int Templates, int Texts, IReadOnlyList<BiasComparison> Comparisons)
{
    /// <summary>The dimensions, in the order they first appear in the data.</summary>
    public IReadOnlyList<string> Dimensions => [.. Comparisons.Select(c => c.Dimension).Distinct()];

    /// <summary>How many comparisons the Holm correction counted.</summary>
    public int TestedComparisons => Comparisons.Count(c => c.Tested);

    public IReadOnlyList<BiasComparison> Significant => [.. Comparisons.Where(c => c.Significant)];
}
