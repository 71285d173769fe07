using System.Text.Json;
using Caduceus.Gateway.ThreatIntel;

namespace Caduceus.Gateway.Tests.ThreatIntel;

public sealed class StixBundleWriterTests
{
    private static readonly DateTimeOffset First = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

    private static readonly ThreatIndicator[] Indicators =
    [
        new() { Kind = ThreatIndicatorKind.AttackPayload, Value = new string('b', 64), Origin = "local", FirstSeen = First, LastSeen = First.AddHours(1), Count = 3, Confidence = 70, Signatures = "InjectionClassifier,InjectionHeuristics" },
        new() { Kind = ThreatIndicatorKind.SourceAddress, Value = "203.0.113.9", Origin = "local", FirstSeen = First, LastSeen = First, Count = 1, Confidence = 50 },
        new() { Kind = ThreatIndicatorKind.SourceAddress, Value = "2001:db8::1", Origin = "local", FirstSeen = First, LastSeen = First, Count = 1, Confidence = 50 },
    ];

    [Fact]
    public void Writes_a_bundle_of_the_gateway_identity_and_one_indicator_per_indicator_with_every_required_property()
    {
        var bundle = Write(Indicators);

        StixBundleAssert.Valid(bundle);
        var objects = bundle.GetProperty("objects").EnumerateArray().ToArray();
        Assert.Equal(["identity", "indicator", "indicator", "indicator"], objects.Select(o => o.GetProperty("type").GetString()));
        Assert.Equal(
            ["[artifact:hashes.'SHA-256' = '" + new string('b', 64) + "']", "[ipv4-addr:value = '203.0.113.9']", "[ipv6-addr:value = '2001:db8::1']"],
            objects[1..].Select(o => o.GetProperty("pattern").GetString()));
        var payload = objects[1];
        Assert.Equal("2026-11-28T09:30:00.000Z", payload.GetProperty("valid_from").GetString());
        Assert.Equal("2026-11-28T10:30:00.000Z", payload.GetProperty("modified").GetString());
        Assert.Equal(70, payload.GetProperty("confidence").GetInt32());
        Assert.Equal(["prompt-injection", "detector:InjectionClassifier", "detector:InjectionHeuristics"], payload.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.All(objects[1..], o => Assert.Equal(objects[0].GetProperty("id").GetString(), o.GetProperty("created_by_ref").GetString()));
    }

    [Fact]
    public void Exporting_again_gives_the_same_object_ids_and_a_new_bundle_id()
    {
        var first = Write(Indicators);
        var second = Write(Indicators);

        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal(Ids(first), Ids(second));
        Assert.Equal(4, Ids(first).Distinct().Count());
    }

    [Fact]
    public void An_empty_store_is_a_valid_bundle_with_the_identity_only()
    {
        var bundle = Write([]);

        StixBundleAssert.Valid(bundle);
        Assert.Single(bundle.GetProperty("objects").EnumerateArray());
    }

    private static string[] Ids(JsonElement bundle) => bundle.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToArray();

    private static JsonElement Write(IReadOnlyList<ThreatIndicator> indicators)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            StixBundleWriter.Write(json, indicators, First.AddDays(1));
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }
}
