using System.Text.Json;

namespace Caduceus.Gateway.Tests.ThreatIntel;

/// <summary>STIX 2.1 objects as a feed would publish them, for the tests' TAXII server.</summary>
internal static class StixObjects
{
    public static string Indicator(string pattern, string patternType = "stix", string? validUntil = null, bool revoked = false) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "indicator",
            ["spec_version"] = "2.1",
            ["id"] = "indicator--" + Guid.NewGuid(),
            ["created"] = "2026-11-01T00:00:00.000Z",
            ["modified"] = "2026-11-01T00:00:00.000Z",
            ["indicator_types"] = new[] { "malicious-activity" },
            ["pattern"] = pattern,
            ["pattern_type"] = patternType,
            ["valid_from"] = "2026-11-01T00:00:00Z",
            ["valid_until"] = validUntil,
            ["revoked"] = revoked,
        }.Where(p => p.Value is not null).ToDictionary());

    public static string Identity() =>
        $$"""{"type":"identity","spec_version":"2.1","id":"identity--{{Guid.NewGuid()}}","created":"2026-11-01T00:00:00.000Z","modified":"2026-11-01T00:00:00.000Z","name":"Peer hospital"}""";
}
