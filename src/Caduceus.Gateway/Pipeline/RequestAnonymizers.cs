using System.Runtime.CompilerServices;
using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Policy;

namespace Caduceus.Gateway.Pipeline;

/// <summary>
/// The anonymizer each application's request policy implies: pseudonymize the entity types policy says to
/// pseudonymize, redact the rest. Built once per policy object, since policy acts per entity type: an application's
/// policy replaced at run time (a console override, an incident's strict policy) is a new object and gets its own.
/// </summary>
internal sealed class RequestAnonymizers
{
    private readonly ConditionalWeakTable<DirectionPolicy, AnonymizerEngine> _engines = new();

    public AnonymizerEngine For(string applicationName, DirectionPolicy policy) =>
        _engines.GetValue(policy, static requestPolicy => Build(requestPolicy));

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
