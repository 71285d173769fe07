using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Tests.Incidents;

/// <summary>What every <see cref="IContainmentStore"/> must do; each store runs these through a derived class.</summary>
public abstract class ContainmentStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected abstract IContainmentStore Store { get; }

    /// <summary>A second store on the same data, as another gateway instance or the CLI opens it.</summary>
    private protected abstract IContainmentStore OpenSecondStore();

    [Fact]
    public async Task Active_blocks_are_those_neither_lifted_nor_expired_and_another_store_on_the_data_sees_them()
    {
        var forever = Block(ContainmentBlockKind.Application, "default", null) with { Detail = null, IncidentId = null };
        var expiring = Block(ContainmentBlockKind.Principal, "key_a", Start.AddMinutes(10)) with { CreatedAt = Start.AddSeconds(1) };
        var tool = Block(ContainmentBlockKind.Tools, "default", null) with { Detail = "clinic_hours", CreatedAt = Start.AddSeconds(2) };
        var lifted = Block(ContainmentBlockKind.Address, "ab12", null) with { CreatedAt = Start.AddSeconds(3) };
        foreach (var block in new[] { forever, expiring, tool, lifted })
        {
            await Store.AddAsync(block, Cancel);
        }

        await Store.LiftAsync(lifted.Id, Start.AddSeconds(4), Cancel);
        var other = OpenSecondStore();

        Assert.Equal([forever, expiring, tool], await other.ActiveAsync(Start.AddMinutes(5), Cancel));
        Assert.Equal([forever, tool], await other.ActiveAsync(Start.AddMinutes(10), Cancel));
        Assert.Equal(lifted with { LiftedAt = Start.AddSeconds(4) }, await other.GetAsync(lifted.Id, Cancel));
        Assert.Null(await other.GetAsync("blk_missing", Cancel));
    }

    [Fact]
    public async Task A_block_is_lifted_once_and_lifting_it_again_or_an_unknown_one_reports_false()
    {
        var block = Block(ContainmentBlockKind.Principal, "key_a", null);
        await Store.AddAsync(block, Cancel);

        Assert.True(await Store.LiftAsync(block.Id, Start.AddSeconds(1), Cancel));
        Assert.False(await OpenSecondStore().LiftAsync(block.Id, Start.AddSeconds(2), Cancel));
        Assert.False(await Store.LiftAsync("blk_missing", Start, Cancel));
        Assert.Empty(await Store.ActiveAsync(Start.AddSeconds(1), Cancel));
        Assert.Equal(Start.AddSeconds(1), (await Store.GetAsync(block.Id, Cancel))!.LiftedAt);
    }

    private static ContainmentBlock Block(ContainmentBlockKind kind, string value, DateTimeOffset? until) => new()
    {
        Id = ContainmentBlock.NewId(),
        Kind = kind,
        Value = value,
        Action = "suspend_key",
        IncidentId = "inc_1",
        CreatedAt = Start,
        Until = until,
    };
}
