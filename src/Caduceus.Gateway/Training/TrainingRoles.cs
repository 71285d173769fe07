namespace Caduceus.Gateway.Training;

/// <summary>
/// The closed set of staff roles training requirements are written for. These describe people's jobs, not API key
/// roles: an unknown role is an error, so a typo cannot silently drop a requirement.
/// </summary>
public static class TrainingRoles
{
    public const string Admin = "admin";
    public const string Security = "security";
    public const string PrivacyOfficer = "privacy_officer";
    public const string Clinician = "clinician";
    public const string FrontDesk = "front_desk";
    public const string Billing = "billing";
    public const string Developer = "developer";

    /// <summary>Every role, in the order used for display and storage.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Security, PrivacyOfficer, Clinician, FrontDesk, Billing, Developer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>
    /// Reads roles given as separate values and/or <c>a,b</c> lists, case-insensitively, into known roles in canonical
    /// order; false with a one-line reason on an unknown role or on none.
    /// </summary>
    public static bool TryParse(IEnumerable<string?> values, out IReadOnlyList<string> roles, out string error)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in values.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var role = part.ToLowerInvariant();
            if (!IsKnown(role))
            {
                roles = [];
                error = $"unknown training role '{Shorten(part)}'; known roles: {string.Join(", ", All)}.";
                return false;
            }

            given.Add(role);
        }

        roles = All.Where(given.Contains).ToArray();
        error = roles.Count == 0 ? $"at least one training role is required; known roles: {string.Join(", ", All)}." : string.Empty;
        return roles.Count > 0;
    }

    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "...";
}
