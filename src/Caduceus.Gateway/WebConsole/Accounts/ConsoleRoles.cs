namespace Caduceus.Gateway.WebConsole.Accounts;

/// <summary>
/// What a person at the web console may do. Viewers see everything but PHI values; admins also act (keys,
/// containment); privacy officers may also reveal PHI values, each time with a reason that is audited.
/// </summary>
public static class ConsoleRoles
{
    public const string SecurityViewer = "security_viewer";
    public const string SecurityAdmin = "security_admin";
    public const string PrivacyOfficer = "privacy_officer";

    public static IReadOnlyList<string> All { get; } = [SecurityViewer, SecurityAdmin, PrivacyOfficer];

    public static bool MayAct(IReadOnlyCollection<string> roles) => roles.Contains(SecurityAdmin);

    public static bool MayRevealPhi(IReadOnlyCollection<string> roles) => roles.Contains(PrivacyOfficer);

    /// <summary>Parses <c>a,b</c> or repeated values into known roles in canonical order; false with a one-line reason otherwise.</summary>
    public static bool TryParse(IEnumerable<string> values, out IReadOnlyList<string> roles, out string error)
    {
        var requested = values.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var unknown = requested.Where(role => !All.Contains(role, StringComparer.Ordinal)).ToList();
        roles = All.Where(role => requested.Contains(role, StringComparer.Ordinal)).ToArray();
        error = unknown.Count > 0
            ? $"unknown console role '{unknown[0]}' (known: {string.Join(", ", All)})."
            : roles.Count == 0 ? $"at least one console role is required ({string.Join(", ", All)})." : string.Empty;
        return error.Length == 0;
    }
}
