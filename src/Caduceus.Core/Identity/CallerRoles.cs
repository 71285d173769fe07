using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Caduceus.Identity;

/// <summary>
/// The closed set of roles a caller can hold. Policy decides what each may do; an unknown role is an error, never
/// silently ignored, so a typo cannot hand out or withhold access unnoticed.
/// </summary>
public static class CallerRoles
{
    public const string Patient = "patient";
    public const string Caregiver = "caregiver";
    public const string Clinician = "clinician";
    public const string FrontDesk = "front_desk";
    public const string Billing = "billing";

    /// <summary>A machine caller (an application's back end) rather than a person.</summary>
    public const string Service = "service";

    /// <summary>Manages the gateway (keys, later policy and incidents). Grants no access to the models by itself.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, in a stable order used for display and storage.</summary>
    public static IReadOnlyList<string> All { get; } = [Patient, Caregiver, Clinician, FrontDesk, Billing, Service, Admin];

    /// <summary>The roles that may use the model endpoints (chat completions, models): all but <see cref="Admin"/>.</summary>
    public static IReadOnlyList<string> ModelUsers { get; } = [Patient, Caregiver, Clinician, FrontDesk, Billing, Service];

    private static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string role) => Known.Contains(role);

    /// <summary>
    /// Reads roles given as separate values and/or comma-separated lists (<c>clinician,admin</c>), case-insensitively.
    /// The result is de-duplicated and in the order of <see cref="All"/>. Fails on an unknown role or on none.
    /// </summary>
    public static bool TryParse(IEnumerable<string> values, [NotNullWhen(true)] out IReadOnlyList<string>? roles, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(values);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var role = part.ToLowerInvariant();
                if (!IsKnown(role))
                {
                    roles = null;
                    error = $"unknown role '{part}'; known roles: {string.Join(", ", All)}.";
                    return false;
                }

                given.Add(role);
            }
        }

        if (given.Count == 0)
        {
            roles = null;
            error = $"at least one role is required; known roles: {string.Join(", ", All)}.";
            return false;
        }

        roles = All.Where(given.Contains).ToArray();
        error = null;
        return true;
    }
}
