using Caduceus.Gateway.ThreatIntel;

namespace Caduceus.Gateway.Tests.ThreatIntel;

/// <summary>What every <see cref="IThreatFeedStore"/> must do; each store runs these through a derived class.</summary>
public abstract class ThreatFeedStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected abstract IThreatFeedStore Store { get; }

    /// <summary>A second store on the same data, as another gateway instance or the CLI opens it.</summary>
    private protected abstract IThreatFeedStore OpenSecondStore();

    [Fact]
    public async Task Pages_add_their_counts_and_move_the_position_on_only_when_the_server_named_one()
    {
        Assert.Null(await Store.AddedAfterAsync("peer", Cancel));

        await Store.RecordPageAsync("peer", "2030-01-01T00:00:01.000Z", Counts(2, 1, 0, 3), Start, Cancel);
        await OpenSecondStore().RecordPageAsync("peer", null, Counts(1, 0, 4, 0), Start.AddMinutes(1), Cancel);

        var state = Assert.Single(await OpenSecondStore().ListAsync(Cancel));
        Assert.Equal("2030-01-01T00:00:01.000Z", await Store.AddedAfterAsync("peer", Cancel));
        Assert.Equal(new ThreatFeedState
        {
            Name = "peer",
            AddedAfter = "2030-01-01T00:00:01.000Z",
            LastPolledAt = Start.AddMinutes(1),
            LastError = null,
            Imported = 3,
            Unsupported = 1,
            Malformed = 4,
            Ignored = 3,
        }, state);
    }

    [Fact]
    public async Task An_error_is_recorded_without_losing_the_position_and_the_next_page_clears_it()
    {
        await Store.RecordErrorAsync("fresh", "the TAXII server answered HTTP 401", Start, Cancel);
        await Store.RecordPageAsync("peer", "2030-01-01T00:00:01.000Z", Counts(2, 0, 0, 0), Start, Cancel);
        await OpenSecondStore().RecordErrorAsync("peer", "HttpRequestException", Start.AddMinutes(1), Cancel);

        var failed = await Store.ListAsync(Cancel);
        await Store.RecordPageAsync("peer", null, Counts(0, 0, 0, 0), Start.AddMinutes(2), Cancel);
        var recovered = Assert.Single(await Store.ListAsync(Cancel), s => s.Name == "peer");

        Assert.Equal(["fresh", "peer"], failed.Select(s => s.Name));
        Assert.Equal(("the TAXII server answered HTTP 401", null, 0L), (failed[0].LastError, failed[0].AddedAfter, failed[0].Imported));
        Assert.Equal(("HttpRequestException", "2030-01-01T00:00:01.000Z", 2L, Start.AddMinutes(1)), (failed[1].LastError, failed[1].AddedAfter, failed[1].Imported, failed[1].LastPolledAt));
        Assert.Equal((null, "2030-01-01T00:00:01.000Z", 2L), (recovered.LastError, recovered.AddedAfter, recovered.Imported));
    }

    private static StixObjectCounts Counts(int imported, int unsupported, int malformed, int ignored) =>
        new() { Imported = imported, Unsupported = unsupported, Malformed = malformed, Ignored = ignored };
}
