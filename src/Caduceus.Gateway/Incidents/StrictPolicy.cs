using Caduceus.Gateway.Configuration;
using Caduceus.Policy;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// The policy an application runs under while an incident holds it strict: its own policy with every loosening taken
/// away. PHI is at least redacted both ways (nothing allowed through, no pseudonyms restored), injections are blocked
/// on requests, score thresholds are no more lenient than the defaults, the canary is planted, and no tool may be
/// called. Everything else (detection settings, upstream, access matrix, caller verification, limits) stays as configured.
/// </summary>
public static class StrictPolicy
{
    private static readonly DirectionPolicy Defaults = new();

    public static ApplicationOptions Apply(ApplicationOptions application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var strict = application.ShallowCopy();
        strict.Tools = new(StringComparer.Ordinal);
        strict.Policy = new ApplicationPolicy
        {
            Request = Tighten(application.Policy.Request, PolicyAction.Block),
            Response = Tighten(application.Policy.Response, application.Policy.Response.Injection),
            RestorePseudonyms = false,
            CanaryTokens = true,
        };
        return strict;
    }

    /// <summary>The application with all its tools, or the named ones, taken away.</summary>
    public static ApplicationOptions WithoutTools(ApplicationOptions application, IReadOnlyCollection<string>? tools)
    {
        ArgumentNullException.ThrowIfNull(application);
        var remaining = tools is null
            ? new Dictionary<string, Tools.ToolPolicyOptions>(StringComparer.Ordinal)
            : application.Tools.Where(t => !tools.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var without = application.ShallowCopy();
        without.Tools = remaining;
        return without;
    }

    private static DirectionPolicy Tighten(DirectionPolicy policy, PolicyAction injection)
    {
        var tightened = new DirectionPolicy
        {
            Phi = AtLeast(policy.Phi, PolicyAction.Redact),
            Injection = AtLeast(policy.Injection, injection),
            MinimumScore = Math.Min(policy.MinimumScore, Defaults.MinimumScore),
            InjectionMinimumScore = policy.InjectionMinimumScore is { } threshold ? Math.Min(threshold, Defaults.MinimumScore) : null,
        };

        // An override may only make a type stricter than its category's default, never let it through.
        foreach (var (type, action) in policy.Entities.Where(e => e.Value == PolicyAction.Block))
        {
            tightened.Entities[type] = action;
        }

        return tightened;
    }

    private static PolicyAction AtLeast(PolicyAction action, PolicyAction floor) => action >= floor ? action : floor;
}
