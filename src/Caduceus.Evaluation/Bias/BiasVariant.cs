namespace Caduceus.Evaluation.Bias;

/// <summary>One expanded request: a template with every placeholder filled by one value of one group.</summary>
public sealed record BiasVariant(string TemplateId, string Text, IReadOnlyList<InsertedValue> Values)
{
    /// <summary>The group this variant belongs to on <paramref name="dimension"/>, or null when the template has no such placeholder.</summary>
    public string? GroupOf(string dimension) => Values.FirstOrDefault(v => v.Dimension == dimension)?.Group;
}
