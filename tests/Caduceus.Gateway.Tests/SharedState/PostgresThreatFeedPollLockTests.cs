using Caduceus.Gateway.SharedState;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The fleet's per-feed poll lock on the real PostgreSQL server: one holder per feed at a time, across instances.</summary>
public sealed class PostgresThreatFeedPollLockTests : IAsyncLifetime
{
    private readonly PostgresStateFixture _fixture = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_feed_held_by_one_instance_is_refused_to_another_until_released_while_other_feeds_stay_free()
    {
        var first = new PostgresThreatFeedPollLock(_fixture.Database);
        var second = new PostgresThreatFeedPollLock(_fixture.OpenSecond());

        var held = await first.TryAcquireAsync("peer", Cancel);
        var refused = await second.TryAcquireAsync("peer", Cancel);
        var otherFeed = await second.TryAcquireAsync("isac", Cancel);
        Assert.NotNull(held);
        Assert.Null(refused);
        Assert.NotNull(otherFeed);

        await held.DisposeAsync();
        var afterRelease = await second.TryAcquireAsync("peer", Cancel);
        Assert.NotNull(afterRelease);
        Assert.Null(await first.TryAcquireAsync("peer", Cancel));

        await afterRelease.DisposeAsync();
        await otherFeed.DisposeAsync();
    }

    [Fact]
    public void The_key_of_a_feed_is_fixed_by_its_name_alone_and_differs_between_feeds()
    {
        // The first 8 bytes of SHA-256("caduceus/taxii-feed/peer"), big-endian, as any other process computes them.
        Assert.Equal(4818007540754599666L, PostgresThreatFeedPollLock.KeyOf("peer"));
        Assert.NotEqual(PostgresThreatFeedPollLock.KeyOf("peer"), PostgresThreatFeedPollLock.KeyOf("isac"));
    }
}
