using System.Text;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Replaces a value with its type label, e.g. <c>"SSN 123-45-6789"</c> becomes <c>"SSN [SSN]"</c>. Nothing of the
/// value survives, not even its length. The fallback of every other operator when a value does not have the shape it
/// needs.
/// </summary>
public sealed class RedactOperator : IAnonymizationOperator
{
    public const string OperatorName = "redact";

    private RedactOperator()
    {
    }

    /// <summary>The operator has no settings; one instance serves everyone.</summary>
    public static RedactOperator Instance { get; } = new();

    public string Name => OperatorName;

    /// <summary>
    /// Redacts the spans of <paramref name="findings"/> in <paramref name="text"/>. Overlapping or touching spans
    /// become one label (the type of the highest-scoring finding among them), so a label never leaves a fragment of a
    /// value behind. Zero-length findings (about the text as a whole) are ignored.
    /// </summary>
    /// <returns>The redacted text; <paramref name="text"/> itself when nothing is to be replaced.</returns>
    /// <exception cref="ArgumentException">A finding is null or its span lies outside <paramref name="text"/>.</exception>
    public static string Apply(string text, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);

        var clusters = FindingClusters.Build(text, findings);
        if (clusters is null)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        foreach (var cluster in clusters)
        {
            result.Append(text, copied, cluster.Start - copied).Append('[').Append(cluster.Winner.EntityType).Append(']');
            copied = cluster.End;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The label that stands for a value of <paramref name="entityType"/>: <c>[SSN]</c>.</summary>
    public static string Label(string entityType) => "[" + entityType + "]";

    public string Operate(string entityType, string value, AnonymizationScope scope)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        return Label(entityType);
    }
}
