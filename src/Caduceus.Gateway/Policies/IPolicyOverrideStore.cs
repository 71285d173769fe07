namespace Caduceus.Gateway.Policies;

/// <summary>
/// The console's policy overrides and their change history: in the gateway's SQLite database by default, in the shared
/// PostgreSQL database under <c>State:Store = postgres</c>, so every instance runs an application under the same policy.
/// Application names compare without regard to case.
/// </summary>
public interface IPolicyOverrideStore
{
    Task<IReadOnlyList<PolicyOverride>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sets the application's override to <paramref name="policyText"/> (null removes it: the configured policy applies
    /// again) and records <paramref name="change"/>; false, with nothing written, when the override in force is no
    /// longer the one whose hash is <paramref name="expectedOverrideHash"/> (null: there was none).
    /// </summary>
    Task<bool> SaveAsync(PolicyChange change, string? expectedOverrideHash, string? policyText, CancellationToken cancellationToken);

    /// <summary>The newest changes, newest first.</summary>
    Task<IReadOnlyList<PolicyChange>> RecentChangesAsync(int limit, CancellationToken cancellationToken);
}
