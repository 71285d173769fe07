namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// Admin actions that need a fresh second-factor proof (step-up: within <see cref="AdminMfaOptions.StepUpWindow"/>),
/// not just an open session. The name is what security events record as the action refused. An endpoint joins the
/// list with <c>.RequireStepUp(DangerousAdminActions.X)</c>; policy changes and re-identification exports will join
/// it when their endpoints exist.
/// </summary>
internal static class DangerousAdminActions
{
    public const string KeyRevocation = "key_revocation";
    public const string KeyRotation = "key_rotation";
    public const string UnusedKeyDisabling = "unused_key_disabling";

    /// <summary>Ordering a containment action (revoking a key, blocking a caller) on an incident.</summary>
    public const string IncidentContainment = "incident_containment";

    /// <summary>Adding a factor to an admin key that already has one.</summary>
    public const string MfaEnrollment = "mfa_enrollment";
    public const string MfaFactorRemoval = "mfa_factor_removal";

    /// <summary>Adding, changing or removing a model inventory entry.</summary>
    public const string ModelInventoryChange = "model_inventory_change";

    /// <summary>Reserved for the policy endpoints.</summary>
    public const string PolicyChange = "policy_change";

    /// <summary>Reserved for exporting pseudonym mappings (re-identification).</summary>
    public const string ReidentificationExport = "reidentification_export";

    public static IReadOnlyList<string> All { get; } =
        [KeyRevocation, KeyRotation, UnusedKeyDisabling, IncidentContainment, MfaEnrollment, MfaFactorRemoval, ModelInventoryChange, PolicyChange, ReidentificationExport];
}
