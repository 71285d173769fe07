using System.Collections.Concurrent;
using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Policy;

namespace Caduceus.Gateway.Pipeline;

/// <summary>
/// The anonymizer each application's request policy implies: pseudonymize the entity types policy says to
/// pseudonymize, redact the rest. Built once per application, since policy acts per entity type.
/// </summary>
internal sealed class RequestAnonymizers
{
    private readonly ConcurrentDictionary<string, AnonymizerEngine> _engines = new(StringComparer.OrdinalIgnoreCase);

    public AnonymizerEngine For(string applicationName, DirectionPolicy policy) =>
        _engines.GetOrAdd(applicationName, static (_, requestPolicy) => Build(requestPolicy), policy);

    private static AnonymizerEngine Build(DirectionPolicy policy)
    {
        var pseudonymized = new Dictionary<string, IAnonymizationOperator>(StringComparer.Ordinal);
        foreach (var entityType in EntityTypes.Phi)
        {
            if (policy.ActionFor(entityType, FindingCategory.Phi) == PolicyAction.Pseudonymize)
            {
                pseudonymized[entityType] = PseudonymizeOperator.Instance;
            }
        }

        return new AnonymizerEngine(RedactOperator.Instance, pseudonymized);
    }
}
