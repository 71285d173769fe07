using System.Text.Json;
using Caduceus.Gateway.ThreatIntel;

namespace Caduceus.Gateway.Tests.ThreatIntel;

public sealed class StixIndicatorParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = new('a', 64);

    [Theory]
    [InlineData("[ipv4-addr:value = '203.0.113.9']", ThreatIndicatorKind.SourceAddress, "203.0.113.9")]
    [InlineData("[ipv4-addr:value = '203.0.113.9/32']", ThreatIndicatorKind.SourceAddress, "203.0.113.9")]
    [InlineData("[ipv6-addr:value = '2001:DB8::1']", ThreatIndicatorKind.SourceAddress, "2001:db8::1")]
    [InlineData("[artifact:hashes.'SHA-256' = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']", ThreatIndicatorKind.AttackPayload, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("[file:hashes.SHA256 = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']", ThreatIndicatorKind.AttackPayload, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Imports_single_address_and_sha256_patterns(string pattern, ThreatIndicatorKind kind, string value)
    {
        var outcome = Parse(StixObjects.Indicator(pattern), out var indicator);

        Assert.Equal(StixIndicatorOutcome.Imported, outcome);
        Assert.Equal(kind, indicator!.Kind);
        Assert.Equal(value, indicator.Value);
        Assert.Equal(50, indicator.Confidence);
    }

    [Theory]
    [InlineData("[domain-name:value = 'evil.example']")]
    [InlineData("[ipv4-addr:value = '198.51.100.0/24']")]
    [InlineData("[ipv4-addr:value = '203.0.113.9'] OR [ipv4-addr:value = '203.0.113.10']")]
    [InlineData("[ipv4-addr:value = '2001:db8::1']")]
    [InlineData("[ipv4-addr:value = 'not-an-address']")]
    public void Leaves_patterns_it_cannot_enforce_as_unsupported(string pattern)
    {
        Assert.Equal(StixIndicatorOutcome.Unsupported, Parse(StixObjects.Indicator(pattern), out var indicator));
        Assert.Null(indicator);
    }

    [Fact]
    public void Leaves_other_pattern_languages_as_unsupported()
    {
        Assert.Equal(StixIndicatorOutcome.Unsupported, Parse(StixObjects.Indicator("alert tcp any any -> any any", patternType: "snort"), out _));
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""42""")]
    [InlineData("""{"spec_version":"2.1"}""")]
    [InlineData("""{"type":"indicator","id":"indicator--x","pattern":"[ipv4-addr:value = '203.0.113.9']","pattern_type":"stix"}""")]
    [InlineData("""{"type":"indicator","id":"indicator--0b8ad1d6-48a4-4b0c-9d4c-1e1f0c3e6f11","pattern_type":"stix"}""")]
    [InlineData("""{"type":"indicator","id":"indicator--0b8ad1d6-48a4-4b0c-9d4c-1e1f0c3e6f11","pattern":7,"pattern_type":"stix"}""")]
    [InlineData("""{"type":"indicator","id":"indicator--0b8ad1d6-48a4-4b0c-9d4c-1e1f0c3e6f11","pattern":"ipv4-addr:value = '203.0.113.9'","pattern_type":"stix"}""")]
    [InlineData("""{"type":"indicator","id":"indicator--0b8ad1d6-48a4-4b0c-9d4c-1e1f0c3e6f11","pattern":"[ipv4-addr:value = '203.0.113.9']","pattern_type":"stix","valid_until":"next tuesday"}""")]
    public void Counts_broken_objects_as_malformed_without_throwing(string json)
    {
        Assert.Equal(StixIndicatorOutcome.Malformed, Parse(json, out var indicator));
        Assert.Null(indicator);
    }

    [Fact]
    public void Ignores_other_object_types_and_revoked_or_expired_indicators()
    {
        Assert.Equal(StixIndicatorOutcome.Ignored, Parse(StixObjects.Identity(), out _));
        Assert.Equal(StixIndicatorOutcome.Ignored, Parse(StixObjects.Indicator("[ipv4-addr:value = '203.0.113.9']", revoked: true), out _));
        Assert.Equal(StixIndicatorOutcome.Ignored, Parse(StixObjects.Indicator("[ipv4-addr:value = '203.0.113.9']", validUntil: "2026-11-28T00:00:00Z"), out _));
    }

    [Fact]
    public void Keeps_a_future_valid_until_and_the_feeds_confidence()
    {
        var json = StixObjects.Indicator($"[artifact:hashes.'SHA-256' = '{Hash}']", validUntil: "2026-12-01T00:00:00Z").Replace("\"type\"", "\"confidence\":85,\"type\"", StringComparison.Ordinal);

        Assert.Equal(StixIndicatorOutcome.Imported, Parse(json, out var indicator));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), indicator!.ValidUntil);
        Assert.Equal(85, indicator.Confidence);
    }

    private static StixIndicatorOutcome Parse(string json, out ImportedIndicator? indicator)
    {
        using var document = JsonDocument.Parse(json);
        return StixIndicatorParser.Parse(document.RootElement, Now, out indicator);
    }
}
