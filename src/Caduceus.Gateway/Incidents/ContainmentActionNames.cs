namespace Caduceus.Gateway.Incidents;

/// <summary>The containment actions a playbook or a person can order.</summary>
public static class ContainmentActionNames
{
    /// <summary>Revokes the API key behind the incident; takes effect on every gateway within a second (the key cache's lifetime).</summary>
    public const string RevokeKey = "revoke_key";

    /// <summary>Refuses the incident's caller for <see cref="IncidentOptions.SuspensionDuration"/>; reversible.</summary>
    public const string SuspendKey = "suspend_key";

    /// <summary>Refuses every caller of the incident's application until a person lifts it; reversible.</summary>
    public const string DisableApplication = "disable_application";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { RevokeKey, SuspendKey, DisableApplication };
}
