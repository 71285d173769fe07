using System.Diagnostics.CodeAnalysis;

namespace Caduceus.Gateway.Keys;

/// <summary>
/// How long a replaced secret keeps working after a rotation. None by default: the old secret stops at once (within
/// the lookup cache's second). A grace of up to <see cref="Max"/> lets clients switch over without an outage.
/// </summary>
public static class RotationGrace
{
    public static readonly TimeSpan Max = TimeSpan.FromDays(1);

    /// <summary>Parses a grace period; null or empty means none.</summary>
    public static bool TryParse(string? text, out TimeSpan grace, [NotNullWhen(false)] out string? error)
    {
        grace = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = null;
            return true;
        }

        if (!DurationText.TryParse(text, out grace, out error))
        {
            error = "grace: " + error;
            return false;
        }

        if (grace > Max)
        {
            error = "grace: at most 1 day (24h); a replaced secret should not live long.";
            return false;
        }

        return true;
    }
}
