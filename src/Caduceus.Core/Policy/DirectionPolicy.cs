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

    /// <summary>
    /// The threshold for injection findings, when it should differ from <see cref="MinimumScore"/> (a phone line
    /// that must never refuse a caller can ask for more certainty before blocking); null uses <see cref="MinimumScore"/>.
    /// </summary>
    public double? InjectionMinimumScore { get; set; }

    /// <summary>The action this policy takes for <paramref name="finding"/>.</summary>
    public PolicyAction ActionFor(Finding finding) =>
        IsConfident(finding) ? ActionFor(finding.EntityType, finding.Category) : PolicyAction.Allow;

    /// <summary>True when <paramref name="finding"/> reaches the minimum score of its category: only those are acted on.</summary>
    public bool IsConfident(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var minimum = finding.Category == FindingCategory.Injection && InjectionMinimumScore is { } injectionMinimum ? injectionMinimum : MinimumScore;
        return finding.Score >= minimum;
    }

    /// <summary>The action for any finding of <paramref name="entityType"/> that reaches the minimum score.</summary>
    public PolicyAction ActionFor(string entityType, FindingCategory category)
    {
        if (Entities.TryGetValue(entityType, out var action))
        {
            return action;
        }

        return category == FindingCategory.Injection ? Injection : Phi;
    }
}
