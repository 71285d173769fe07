using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Tests.Incidents;

/// <summary>What every <see cref="IDrillStore"/> must do; each store runs these through a derived class.</summary>
public abstract class DrillStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected abstract IDrillStore Store { get; }

    [Fact]
    public async Task The_drill_running_for_a_caller_is_found_only_while_it_runs_and_only_for_that_caller()
    {
        var drill = NewDrill("key_a", Start, Start.AddHours(1));
        await Store.StartAsync(drill, Cancel);

        Assert.Equal(drill, await Store.ActiveForAsync("key_a", Start.AddMinutes(30), Cancel));
        Assert.Null(await Store.ActiveForAsync("key_b", Start.AddMinutes(30), Cancel));
        Assert.Null(await Store.ActiveForAsync("key_a", Start.AddHours(1), Cancel));
        Assert.Null(await Store.ActiveForAsync("key_a", Start.AddMinutes(-1), Cancel));
    }

    [Fact]
    public async Task A_drill_ends_once_an_expired_one_cannot_be_ended_and_ended_ones_are_listed_only_when_asked_for()
    {
        var running = NewDrill("key_a", Start, Start.AddHours(1));
        var expired = NewDrill("key_b", Start.AddMinutes(-90), Start.AddMinutes(-30));
        var later = NewDrill("key_c", Start.AddMinutes(1), Start.AddHours(2));
        foreach (var drill in new[] { running, expired, later })
        {
            await Store.StartAsync(drill, Cancel);
        }

        Assert.False(await Store.EndAsync(expired.Id, Start, Cancel));
        Assert.True(await Store.EndAsync(running.Id, Start.AddMinutes(2), Cancel));
        Assert.False(await Store.EndAsync(running.Id, Start.AddMinutes(3), Cancel));
        Assert.False(await Store.EndAsync("drl_missing", Start, Cancel));

        Assert.Equal([later.Id], (await Store.ListAsync(false, Start.AddMinutes(5), Cancel)).Select(d => d.Id));
        Assert.Equal([later.Id, running.Id, expired.Id], (await Store.ListAsync(true, Start.AddMinutes(5), Cancel)).Select(d => d.Id));
        Assert.Null(await Store.ActiveForAsync("key_a", Start.AddMinutes(5), Cancel));
    }

    private static Drill NewDrill(string principal, DateTimeOffset startedAt, DateTimeOffset endsAt) => new()
    {
        Id = Drill.NewId(),
        Principal = principal,
        Label = "redteam default suite",
        StartedAt = startedAt,
        EndsAt = endsAt,
    };
}
