using Caduceus.Gateway.ThreatIntel;

namespace Caduceus.Gateway.Tests.ThreatIntel;

/// <summary>What every <see cref="IThreatIndicatorStore"/> must do; each store runs these through a derived class.</summary>
public abstract class ThreatIndicatorStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string HashA = new('a', 64);
    private static readonly string HashB = new('b', 64);

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected abstract IThreatIndicatorStore Store { get; }

    /// <summary>A second store on the same data, as another gateway instance or the CLI opens it.</summary>
    private protected abstract IThreatIndicatorStore OpenSecondStore();

    [Fact]
    public async Task Sightings_of_one_indicator_add_up_and_only_local_ones_last_seen_since_are_listed()
    {
        await Store.RecordSightingAsync(new ThreatSighting(ThreatIndicatorKind.AttackPayload, HashA, "Heuristics", Start), Cancel);
        await Store.RecordSightingAsync(new ThreatSighting(ThreatIndicatorKind.AttackPayload, HashA, null, Start.AddMinutes(2)), Cancel);
        await OpenSecondStore().RecordSightingAsync(new ThreatSighting(ThreatIndicatorKind.AttackPayload, HashA, null, Start.AddMinutes(1)), Cancel);
        await Store.RecordSightingAsync(new ThreatSighting(ThreatIndicatorKind.SourceAddress, "203.0.113.9", null, Start.AddSeconds(1)), Cancel);
        await Store.ImportAsync(ThreatIndicatorKind.AttackPayload, HashB, "taxii:peer", 80, Start.AddDays(1), Start, Cancel);

        var local = await OpenSecondStore().LocalAsync(null, Cancel);
        var recent = await Store.LocalAsync(Start.AddMinutes(1), Cancel);

        Assert.Equal(2, local.Count);
        var payload = local[0];
        Assert.Equal((ThreatIndicatorKind.AttackPayload, HashA, ThreatIndicatorOrigins.Local), (payload.Kind, payload.Value, payload.Origin));
        Assert.Equal((Start, Start.AddMinutes(2), 3L, 70, "Heuristics"), (payload.FirstSeen, payload.LastSeen, payload.Count, payload.Confidence, payload.Signatures));
        Assert.Null(payload.ValidUntil);
        Assert.Equal(("203.0.113.9", 1L, 50), (local[1].Value, local[1].Count, local[1].Confidence));
        Assert.Equal(HashA, Assert.Single(recent).Value);
        Assert.Equal(3, (await Store.AllAsync(Cancel)).Count);
    }

    [Fact]
    public async Task Confidence_of_sightings_stops_at_95()
    {
        for (var i = 0; i < 8; i++)
        {
            await Store.RecordSightingAsync(new ThreatSighting(ThreatIndicatorKind.AttackPayload, HashA, null, Start.AddSeconds(i)), Cancel);
        }

        Assert.Equal(95, Assert.Single(await Store.LocalAsync(null, Cancel)).Confidence);
    }

    [Fact]
    public async Task An_import_reports_whether_the_indicator_was_in_force_and_keeps_one_row_with_the_latest_validity()
    {
        var first = await Store.ImportAsync(ThreatIndicatorKind.SourceAddress, "203.0.113.9", "taxii:peer", 60, Start.AddHours(2), Start, Cancel);
        var again = await OpenSecondStore().ImportAsync(ThreatIndicatorKind.SourceAddress, "203.0.113.9", "taxii:peer", 70, Start.AddHours(1), Start.AddMinutes(30), Cancel);
        var afterExpiry = await Store.ImportAsync(ThreatIndicatorKind.SourceAddress, "203.0.113.9", "taxii:peer", 75, Start.AddHours(4), Start.AddHours(3), Cancel);
        var otherFeed = await Store.ImportAsync(ThreatIndicatorKind.SourceAddress, "203.0.113.9", "taxii:other", 50, Start.AddHours(4), Start.AddHours(3), Cancel);

        var all = await Store.AllAsync(Cancel);

        Assert.Equal((false, true, false, false), (first, again, afterExpiry, otherFeed));
        Assert.Equal(2, all.Count);
        var peer = Assert.Single(all, i => i.Origin == "taxii:peer");
        Assert.Equal((Start, Start.AddHours(3), 3L, 75, Start.AddHours(4)), (peer.FirstSeen, peer.LastSeen, peer.Count, peer.Confidence, peer.ValidUntil));
        Assert.Empty(await Store.LocalAsync(null, Cancel));
    }

    [Fact]
    public async Task Of_concurrent_imports_of_one_indicator_exactly_one_finds_it_not_in_force()
    {
        var stores = Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? Store : OpenSecondStore()).ToArray();

        var inForce = await Task.WhenAll(stores.Select(store => Task.Run(() =>
            store.ImportAsync(ThreatIndicatorKind.SourceAddress, "198.51.100.7", "taxii:peer", 60, Start.AddHours(1), Start, Cancel), Cancel)));

        Assert.Single(inForce, wasInForce => !wasInForce);
        Assert.Equal(6, Assert.Single(await Store.AllAsync(Cancel)).Count);
    }

    [Fact]
    public async Task Imported_payload_hashes_are_the_feeds_payloads_still_in_force_never_local_ones_or_addresses()
    {
        await Store.ImportAsync(ThreatIndicatorKind.AttackPayload, HashA, "taxii:peer", 80, Start.AddHours(1), Start, Cancel);
        await Store.ImportAsync(ThreatIndicatorKind.AttackPayload, HashB, "taxii:peer", 80, Start.AddMinutes(10), Start, Cancel);
        await Store.ImportAsync(ThreatIndicatorKind.SourceAddress, "203.0.113.9", "taxii:peer", 80, Start.AddHours(1), Start, Cancel);
        await Store.RecordSightingAsync(new ThreatSighting(ThreatIndicatorKind.AttackPayload, new string('c', 64), null, Start), Cancel);

        Assert.Equal([HashA, HashB], (await OpenSecondStore().ImportedPayloadHashesAsync(Start.AddMinutes(5), Cancel)).Order(StringComparer.Ordinal));
        Assert.Equal([HashA], await Store.ImportedPayloadHashesAsync(Start.AddMinutes(10), Cancel));
    }
}
