using Caduceus.Gateway.Keys;

namespace Caduceus.Gateway.Compliance;

/// <summary>Access control (HIPAA 164.312(a)(1), (a)(2)(i) and (a)(2)(iii)): unique credentials with roles, no stale ones, and automatic logoff.</summary>
internal static class AccessControlEvaluator
{
    private static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(12);

    public static ControlResult UniqueIdentification(ControlDefinition control, ComplianceState state)
    {
        var evidence = new ControlEvidence(control)
            .Add("applications", state.Settings.Gateway.Applications.Count)
            .Add("applications with an access matrix", state.Settings.Gateway.Applications.Values.Count(a => a.Access.Count > 0));
        if (state.Keys.Value is not { } keys)
        {
            return evidence.Gap($"The client keys cannot be read: {state.Keys.Problem}.");
        }

        var active = keys.Where(k => k.StatusAt(state.Now) == ApiKeyStatus.Active).ToArray();
        var stale = active.Count(k => k.IsUnusedSince(state.Now - ComplianceState.StaleKeyAge, state.Now));
        evidence.Add("active keys", active.Length)
            .Add("revoked or expired keys", keys.Count - active.Length)
            .Add($"active keys unused for {ComplianceState.StaleKeyAge.Days} days", stale)
            .Add("oldest active key age (days)", active.Length == 0 ? 0 : active.Max(k => (state.Now - k.CreatedAt).Days));
        foreach (var role in active.SelectMany(k => k.Roles).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            evidence.Add($"active keys with role {role}", active.Count(k => k.Roles.Contains(role)));
        }

        if (active.Length == 0)
        {
            return evidence.Gap("There is no active client key, so no access is shown to be tied to an identified caller.");
        }

        return stale > 0
            ? evidence.Gap($"{stale} active keys have not been used for {ComplianceState.StaleKeyAge.Days} days; revoke them ('caduceus keys unused --days {ComplianceState.StaleKeyAge.Days} --disable').")
            : evidence.Pass($"Every caller uses its own key ({active.Length} active), stored as a hash, with roles that limit what it may reach; no stale key is active.");
    }

    public static ControlResult AutomaticLogoff(ControlDefinition control, ComplianceState state)
    {
        var admin = state.Settings.Admin;
        var evidence = new ControlEvidence(control)
            .Add("Admin:SessionIdleTimeout", admin.SessionIdleTimeout)
            .Add("Admin:SessionMaxLifetime", admin.SessionMaxLifetime);
        var gaps = new List<string>();
        if (admin.SessionIdleTimeout <= TimeSpan.Zero || admin.SessionIdleTimeout > MaxIdle)
        {
            gaps.Add($"Admin sessions stay open when idle for more than {MaxIdle.TotalMinutes:0} minutes.");
        }

        if (admin.SessionMaxLifetime <= TimeSpan.Zero || admin.SessionMaxLifetime > MaxLifetime)
        {
            gaps.Add($"Admin sessions may last longer than {MaxLifetime.TotalHours:0} hours.");
        }

        return evidence.PassUnless(gaps, "Admin sessions end after the idle timeout and the maximum lifetime; client keys open no session.");
    }
}
