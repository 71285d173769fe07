using Caduceus.Evaluation.Bias.Statistics;

namespace Caduceus.Evaluation.Bias;

/// <summary>The groups of one dimension compared on one metric, with the test of "no difference" and its Holm-adjusted p-value.</summary>
public sealed record BiasComparison(string Dimension, BiasMetric Metric, IReadOnlyList<BiasGroupSummary> Groups, HypothesisTest Test)
{
    /// <summary>False when there was nothing to test (every value equal): such a comparison cannot show a difference and is left out of the correction.</summary>
    public bool Tested => Test.HasVariation;

    /// <summary>The p-value after Holm's correction for every tested comparison of the audit.</summary>
    public double AdjustedPValue { get; init; } = 1;

    /// <summary>The adjusted p-value is below the audit's significance level: the groups differ.</summary>
    public bool Significant { get; init; }

    /// <summary>The largest minus the smallest group figure.</summary>
    public double Spread => Groups.Max(g => g.Value) - Groups.Min(g => g.Value);
}
