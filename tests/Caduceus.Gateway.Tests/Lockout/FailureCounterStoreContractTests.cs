using Caduceus.Gateway.Lockout;

namespace Caduceus.Gateway.Tests.Lockout;

/// <summary>What every <see cref="IFailureCounterStore"/> must do; each store runs these through a derived class.</summary>
public abstract class FailureCounterStoreContractTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected abstract IFailureCounterStore Store { get; }

    /// <summary>A second store on the same counters, as another gateway instance opens it (the same one when in memory).</summary>
    private protected abstract IFailureCounterStore OpenSecondStore();

    [Fact]
    public async Task A_partition_locks_at_the_limit_until_its_window_ends_and_others_stay_open()
    {
        var partition = Partition();
        for (var i = 0; i < 2; i++)
        {
            await Store.RecordFailureAsync(partition, Window, Cancel);
        }

        Assert.Null(await Store.LockedUntilAsync(partition, 3, Cancel));
        await OpenSecondStore().RecordFailureAsync(partition, Window, Cancel);

        var until = await Store.LockedUntilAsync(partition, 3, Cancel);
        Assert.NotNull(until);
        Assert.InRange(until.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        Assert.Null(await Store.LockedUntilAsync(Partition(), 1, Cancel));
    }

    [Fact]
    public async Task Clearing_a_partition_starts_its_count_over()
    {
        var partition = Partition();
        await Store.RecordFailureAsync(partition, Window, Cancel);
        await Store.RecordFailureAsync(partition, Window, Cancel);

        await OpenSecondStore().ClearAsync(partition, Cancel);

        Assert.Null(await Store.LockedUntilAsync(partition, 1, Cancel));
    }

    [Fact]
    public async Task Failures_recorded_at_once_through_two_stores_are_all_counted()
    {
        var partition = Partition();
        var second = OpenSecondStore();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? Store : second).RecordFailureAsync(partition, Window, Cancel).AsTask()));

        Assert.NotNull(await Store.LockedUntilAsync(partition, 20, Cancel));
        Assert.Null(await Store.LockedUntilAsync(partition, 21, Cancel));
    }

    private static string Partition() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
}
