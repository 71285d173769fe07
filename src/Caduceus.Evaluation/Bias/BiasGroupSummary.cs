namespace Caduceus.Evaluation.Bias;

/// <summary>One group's figure on one metric: a share (0 to 1) for a rate, a mean otherwise, over <paramref name="Count"/> texts.</summary>
public sealed record BiasGroupSummary(string Group, int Count, double Value);
