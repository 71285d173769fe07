namespace Caduceus.Evaluation.Bias;

/// <summary>One group's figure on one metric: a share (0 to 1) for a rate, a mean otherwise, over <paramref name="Count"/> texts.</summary>
public sealed record BiasGroupSummary(string Group, int Count, double Value)
{
    /// <summary>For the refusal rate: how many of the group's texts were refused for each reason (error code or entity type).</summary>
    public IReadOnlyDictionary<string, int> RefusalReasons { get; init; } = new Dictionary<string, int>();
}
