namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Replaces a value with a token numbered per type within the scope, <c>&lt;NAME_1&gt;</c>, <c>&lt;SSN_1&gt;</c>;
/// the same value gets the same token throughout the scope, so the model can still tell patients apart and refer
/// back to them. Reversible: <see cref="PseudonymRestorer"/> puts the values back into the model's answer.
/// </summary>
public sealed class PseudonymizeOperator : IAnonymizationOperator
{
    public const string OperatorName = "pseudonymize";

    private PseudonymizeOperator()
    {
    }

    /// <summary>The operator keeps its state in the scope; one instance serves everyone.</summary>
    public static PseudonymizeOperator Instance { get; } = new();

    public string Name => OperatorName;

    public string Operate(string entityType, string value, AnonymizationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Pseudonyms.GetOrIssue(entityType, value);
    }
}
