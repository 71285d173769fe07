using System.Globalization;
using System.Text.Json;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// Reads one STIX object from a TAXII envelope. Never throws on what a feed sends: anything that is not a
/// well-formed indicator is <see cref="StixIndicatorOutcome.Malformed"/>, and is counted, not fatal.
/// </summary>
internal static class StixIndicatorParser
{
    public static StixIndicatorOutcome Parse(JsonElement stixObject, DateTimeOffset now, out ImportedIndicator? indicator)
    {
        indicator = null;
        if (stixObject.ValueKind != JsonValueKind.Object || !TryString(stixObject, "type", out var type))
        {
            return StixIndicatorOutcome.Malformed;
        }

        if (type != "indicator")
        {
            return StixIndicatorOutcome.Ignored;
        }

        if (!TryString(stixObject, "id", out var id) || !id.StartsWith("indicator--", StringComparison.Ordinal)
            || !Guid.TryParse(id.AsSpan("indicator--".Length), out _)
            || !TryString(stixObject, "pattern", out var pattern)
            || !TryString(stixObject, "pattern_type", out var patternType)
            || !TryTime(stixObject, "valid_until", out var validUntil))
        {
            return StixIndicatorOutcome.Malformed;
        }

        if (stixObject.TryGetProperty("revoked", out var revoked) && revoked.ValueKind == JsonValueKind.True)
        {
            return StixIndicatorOutcome.Ignored;
        }

        if (validUntil is { } until && until <= now)
        {
            return StixIndicatorOutcome.Ignored;
        }

        if (patternType != "stix")
        {
            return StixIndicatorOutcome.Unsupported;
        }

        if (!StixPatterns.TryParse(pattern, out var kind, out var value, out var malformed))
        {
            return malformed ? StixIndicatorOutcome.Malformed : StixIndicatorOutcome.Unsupported;
        }

        var confidence = stixObject.TryGetProperty("confidence", out var given) && given.ValueKind == JsonValueKind.Number
            && given.TryGetInt32(out var number) && number is >= 0 and <= 100 ? number : 50;
        indicator = new ImportedIndicator(kind, value, confidence, validUntil);
        return StixIndicatorOutcome.Imported;
    }

    private static bool TryString(JsonElement element, string property, out string value)
    {
        value = "";
        if (!element.TryGetProperty(property, out var found) || found.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = found.GetString()!;
        return value.Length > 0;
    }

    // Absent is fine (null); present but not an RFC 3339 time is not.
    private static bool TryTime(JsonElement element, string property, out DateTimeOffset? time)
    {
        time = null;
        if (!element.TryGetProperty(property, out var found))
        {
            return true;
        }

        if (found.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(found.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }
}
