using System.Globalization;
using System.Text.Json;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// Writes the gateway's own indicators as a STIX 2.1 bundle: the gateway as an <c>identity</c> and one
/// <c>indicator</c> per payload hash or address. Object ids are UUIDv5 of what they describe, so exporting again
/// gives the same ids and receivers update rather than duplicate; only the bundle id is new each time.
/// </summary>
internal static class StixBundleWriter
{
    public const string MediaType = "application/stix+json;version=2.1";

    public const string IdentityName = "Caduceus gateway";

    /// <summary>The namespace of every id this gateway derives (a fixed random UUID).</summary>
    private static readonly Guid Namespace = new("5f0f7d2e-3b7c-4a52-9c1e-8e2b6f4c0d11");

    public static string IdentityId => "identity--" + Uuid5.Create(Namespace, "identity:" + IdentityName);

    public static string IndicatorId(ThreatIndicatorKind kind, string value) => "indicator--" + Uuid5.Create(Namespace, kind + ":" + value);

    public static void Write(Utf8JsonWriter json, IReadOnlyList<ThreatIndicator> indicators, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(indicators);
        json.WriteStartObject();
        json.WriteString("type", "bundle");
        json.WriteString("id", "bundle--" + Guid.NewGuid());
        json.WriteStartArray("objects");
        WriteIdentity(json, indicators.Count > 0 ? indicators.Min(i => i.FirstSeen) : now);
        foreach (var indicator in indicators)
        {
            WriteIndicator(json, indicator);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteIdentity(Utf8JsonWriter json, DateTimeOffset created)
    {
        json.WriteStartObject();
        json.WriteString("type", "identity");
        json.WriteString("spec_version", "2.1");
        json.WriteString("id", IdentityId);
        json.WriteString("created", Timestamp(created));
        json.WriteString("modified", Timestamp(created));
        json.WriteString("name", IdentityName);
        json.WriteString("identity_class", "system");
        json.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter json, ThreatIndicator indicator)
    {
        var payload = indicator.Kind == ThreatIndicatorKind.AttackPayload;
        json.WriteStartObject();
        json.WriteString("type", "indicator");
        json.WriteString("spec_version", "2.1");
        json.WriteString("id", IndicatorId(indicator.Kind, indicator.Value));
        json.WriteString("created_by_ref", IdentityId);
        json.WriteString("created", Timestamp(indicator.FirstSeen));
        json.WriteString("modified", Timestamp(indicator.LastSeen));
        json.WriteString("name", payload ? "Prompt-injection payload refused by an AI gateway" : "Source address blocked by an AI gateway");
        json.WriteString("description", Description(indicator));
        json.WriteStartArray("indicator_types");
        json.WriteStringValue("malicious-activity");
        json.WriteEndArray();
        json.WriteString("pattern", StixPatterns.Format(indicator.Kind, indicator.Value));
        json.WriteString("pattern_type", "stix");
        json.WriteString("pattern_version", "2.1");
        json.WriteString("valid_from", Timestamp(indicator.FirstSeen));
        json.WriteNumber("confidence", indicator.Confidence);
        json.WriteStartArray("labels");
        json.WriteStringValue(payload ? "prompt-injection" : "abusive-source");
        foreach (var signature in (indicator.Signatures ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            json.WriteStringValue("detector:" + signature);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Description(ThreatIndicator indicator) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(indicator.Kind == ThreatIndicatorKind.AttackPayload ? "SHA-256 of the normalized text (NFKC, format characters removed, lower case, white space collapsed) of a prompt refused as an injection" : "A network address refused by a containment block")}; seen {indicator.Count} time(s) between {Timestamp(indicator.FirstSeen)} and {Timestamp(indicator.LastSeen)}.");

    /// <summary>STIX timestamps: UTC, RFC 3339, millisecond precision, <c>Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
