using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Caduceus.Gateway.Keys;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>
/// Times as <c>--since</c>/<c>--until</c> take them: an ISO 8601 date or date and time (UTC unless it names an
/// offset), or a duration back from now (<c>24h</c>, <c>7d</c>).
/// </summary>
internal static class AuditTimeText
{
    public const string Format = "an ISO 8601 time (2026-11-28, 2026-11-28T09:30:00Z) or a duration back from now (24h, 7d)";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset time, [NotNullWhen(false)] out string? error)
    {
        text = text?.Trim();
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            error = null;
            return true;
        }

        if (text is { Length: > 0 } && char.IsAsciiLetter(text[^1]) && DurationText.TryParse(text, out var ago, out _))
        {
            time = now - ago;
            error = null;
            return true;
        }

        error = $"'{text}' is not a time; use {Format}.";
        return false;
    }
}
