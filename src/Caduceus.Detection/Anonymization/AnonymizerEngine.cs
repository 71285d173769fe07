using System.Collections.Frozen;
using System.Text;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Applies operators to the findings in a text (Presidio's anonymizer engine): each finding's entity type selects an
/// operator, falling back to a default. Findings that overlap or touch are replaced as one stretch covering all of
/// them, treated as the type of the highest-scoring finding (on a tie the earliest, then the longest), so no
/// fragment of a value is left behind. Zero-length findings (about the text as a whole) are ignored.
/// Stateless and thread-safe; the scope carries whatever must stay consistent across texts.
/// </summary>
/// <remarks>Pass only the findings to act on (policy decides which); the engine replaces every span it is given.</remarks>
public sealed class AnonymizerEngine
{
    private readonly IAnonymizationOperator _defaultOperator;
    private readonly FrozenDictionary<string, IAnonymizationOperator> _operators;

    /// <param name="defaultOperator">Used for entity types without an entry in <paramref name="operatorsByEntityType"/>.</param>
    /// <param name="operatorsByEntityType">Operator per entity type (one of <see cref="EntityTypes"/>), matched exactly.</param>
    public AnonymizerEngine(IAnonymizationOperator defaultOperator, IReadOnlyDictionary<string, IAnonymizationOperator>? operatorsByEntityType = null)
    {
        ArgumentNullException.ThrowIfNull(defaultOperator);
        _defaultOperator = defaultOperator;
        var operators = new Dictionary<string, IAnonymizationOperator>(StringComparer.Ordinal);
        foreach (var (entityType, anonymizer) in operatorsByEntityType ?? new Dictionary<string, IAnonymizationOperator>())
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(entityType, nameof(operatorsByEntityType));
            operators[entityType] = anonymizer ?? throw new ArgumentException($"The operator for '{entityType}' is null.", nameof(operatorsByEntityType));
        }

        _operators = operators.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The operator that handles <paramref name="entityType"/>.</summary>
    public IAnonymizationOperator OperatorFor(string entityType) =>
        _operators.TryGetValue(entityType, out var anonymizer) ? anonymizer : _defaultOperator;

    /// <summary>Replaces the spans of <paramref name="findings"/> in <paramref name="text"/>.</summary>
    /// <param name="text">The text the findings were made on.</param>
    /// <param name="findings">What to replace; their offsets refer to <paramref name="text"/>.</param>
    /// <param name="scope">The conversation the text belongs to. Null: a fresh scope with an empty id, so pseudonym tokens are numbered for this text alone.</param>
    /// <returns>The new text (the same instance when nothing was replaced) and the replacements.</returns>
    /// <exception cref="ArgumentException">A finding is null or its span lies outside <paramref name="text"/>.</exception>
    public AnonymizedText Anonymize(string text, IReadOnlyList<Finding> findings, AnonymizationScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);

        var clusters = FindingClusters.Build(text, findings);
        if (clusters is null)
        {
            return new AnonymizedText(text, []);
        }

        scope ??= new AnonymizationScope(string.Empty);
        var result = new StringBuilder(text.Length + (clusters.Count * 8));
        var spans = new AnonymizedSpan[clusters.Count];
        var copied = 0;
        for (var i = 0; i < clusters.Count; i++)
        {
            var cluster = clusters[i];
            var entityType = cluster.Winner.EntityType;
            var anonymizer = OperatorFor(entityType);
            var replacement = anonymizer.Operate(entityType, text.Substring(cluster.Start, cluster.Length), scope)
                ?? throw new InvalidOperationException($"Operator '{anonymizer.Name}' returned null for a {entityType} value.");

            result.Append(text, copied, cluster.Start - copied);
            spans[i] = new AnonymizedSpan(entityType, anonymizer.Name, cluster.Start, cluster.Length, result.Length, replacement.Length);
            result.Append(replacement);
            copied = cluster.End;
        }

        result.Append(text, copied, text.Length - copied);
        return new AnonymizedText(result.ToString(), spans);
    }
}
