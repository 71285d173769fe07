namespace Caduceus.Gateway.Incidents;

/// <summary>
/// The containment actions a playbook or a person can order. An order may carry an argument after a colon
/// (<c>disable_tools:lookup_patient</c>, <c>block_address:203.0.113.7</c>); see <see cref="ContainmentOrder"/>.
/// </summary>
public static class ContainmentActionNames
{
    /// <summary>Revokes the API key behind the incident; takes effect on every gateway within a second (the key cache's lifetime).</summary>
    public const string RevokeKey = "revoke_key";

    /// <summary>Refuses the incident's caller for <see cref="IncidentOptions.SuspensionDuration"/>; reversible.</summary>
    public const string SuspendKey = "suspend_key";

    /// <summary>Refuses every caller of the incident's application until a person lifts it; reversible.</summary>
    public const string DisableApplication = "disable_application";

    /// <summary>
    /// Refuses requests from the incident's source addresses (or the address given) for
    /// <see cref="IncidentOptions.SuspensionDuration"/>; reversible.
    /// </summary>
    public const string BlockAddress = "block_address";

    /// <summary>Runs the incident's application under <see cref="StrictPolicy"/> until a person lifts it; reversible.</summary>
    public const string StrictPolicy = "strict_policy";

    /// <summary>Takes the application's tools away (all, or the one named) until a person lifts it; reversible.</summary>
    public const string DisableTools = "disable_tools";

    /// <summary>Makes every caller of the application who verified before now verify again.</summary>
    public const string ForceReverification = "force_reverification";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RevokeKey, SuspendKey, DisableApplication, BlockAddress, StrictPolicy, DisableTools, ForceReverification,
    };

    /// <summary>The actions whose order may carry an argument, and what it is.</summary>
    public static IReadOnlyDictionary<string, string> Arguments { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [BlockAddress] = "an IP address to block instead of the incident's sources",
        [DisableTools] = "the one tool to disable instead of all of them",
    };
}
