using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Caduceus.Gateway.Keys;

/// <summary>The "keys unused for N days" report (least privilege: access nobody uses should be removed).</summary>
public static class UnusedKeys
{
    public const int MaxDays = 3650;

    public static DateTimeOffset Cutoff(DateTimeOffset now, int days) => now - TimeSpan.FromDays(days);

    /// <summary>The active keys neither used nor created in the last <paramref name="days"/> days.</summary>
    public static IReadOnlyList<ApiKeyRecord> Select(IEnumerable<ApiKeyRecord> keys, DateTimeOffset now, int days) =>
        keys.Where(key => key.IsUnusedSince(Cutoff(now, days), now)).ToArray();

    public static bool TryParseDays(string? text, out int days, [NotNullWhen(false)] out string? error)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 1 and <= MaxDays)
        {
            error = null;
            return true;
        }

        error = $"must be a whole number of days from 1 to {MaxDays}.";
        return false;
    }
}
