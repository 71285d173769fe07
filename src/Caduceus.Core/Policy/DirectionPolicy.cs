using Caduceus.Detection;

namespace Caduceus.Policy;

/// <summary>Actions for one direction of travel: a default per finding category, overridable per entity type.</summary>
public sealed class DirectionPolicy
{
    /// <summary>Action for PHI entity types without an entry in <see cref="Entities"/>.</summary>
    public PolicyAction Phi { get; set; } = PolicyAction.Redact;

    /// <summary>Action for injection and jailbreak findings without an entry in <see cref="Entities"/>.</summary>
    public PolicyAction Injection { get; set; } = PolicyAction.Block;

    /// <summary>Per entity type overrides, keyed by <see cref="EntityTypes"/> names.</summary>
    public Dictionary<string, PolicyAction> Entities { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Findings scoring below this are ignored.</summary>
    public double MinimumScore { get; set; } = 0.5;

    /// <summary>The action this policy takes for <paramref name="finding"/>.</summary>
    public PolicyAction ActionFor(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Score < MinimumScore)
        {
            return PolicyAction.Allow;
        }

        if (Entities.TryGetValue(finding.EntityType, out var action))
        {
            return action;
        }

        return finding.Category == FindingCategory.Injection ? Injection : Phi;
    }
}
