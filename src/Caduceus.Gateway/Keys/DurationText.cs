using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Caduceus.Gateway.Keys;

/// <summary>Durations as operators write them: a whole number and a unit, <c>30d</c>, <c>12h</c>, <c>15m</c>, <c>30s</c>.</summary>
public static class DurationText
{
    public const string Format = "a whole number followed by d, h, m or s (e.g. 30d, 12h, 15m)";

    /// <summary>Parses a positive duration; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string? text, out TimeSpan duration, [NotNullWhen(false)] out string? error)
    {
        duration = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length < 2)
        {
            error = $"'{text}' is not a duration; use {Format}.";
            return false;
        }

        if (!long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            error = $"'{text}' is not a positive duration; use {Format}.";
            return false;
        }

        double? seconds = char.ToLowerInvariant(text[^1]) switch
        {
            'd' => amount * 86_400d,
            'h' => amount * 3_600d,
            'm' => amount * 60d,
            's' => amount,
            _ => null,
        };

        // Ten years bounds the arithmetic; nobody means more.
        if (seconds is null || seconds > 3_650 * 86_400d)
        {
            error = seconds is null ? $"'{text}' has no known unit; use {Format}." : $"'{text}' is longer than 3650 days.";
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds.Value);
        error = null;
        return true;
    }
}
