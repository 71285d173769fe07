using Caduceus.Events;
using Caduceus.Gateway.Tests.SharedState;

namespace Caduceus.Gateway.Tests.Drills;

/// <summary>Two instances on shared state (<c>State:Store = postgres</c>) with the same schedule drill once per due time, not twice.</summary>
public sealed class SharedDrillScheduleTests : IAsyncLifetime
{
    private SharedStateFleet? _fleet;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await SharedStateFleet.CreateAsync();

    public async ValueTask DisposeAsync() => await _fleet!.DisposeAsync();

    [Fact]
    public async Task A_due_schedule_is_drilled_by_one_instance_of_two()
    {
        var settings = DrillGateway.Settings("system-prompt-leakage", _fleet!.Settings());
        await using var first = await DrillGateway.StartAsync(settings);
        await using var second = await DrillGateway.StartAsync(settings);

        first.Clock.Advance(TimeSpan.FromHours(3));
        second.Clock.Advance(TimeSpan.FromHours(3));
        var completed = await Task.WhenAny(
            first.WaitForEventAsync(SecurityEventTypes.DrillCompleted),
            second.WaitForEventAsync(SecurityEventTypes.DrillCompleted));
        await completed;
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);

        var drills = new[] { first, second }.Sum(g => g.Harness.Events.Snapshot().Count(e => e.Type.StartsWith("drill.", StringComparison.Ordinal)));
        Assert.Equal(1, drills);
    }
}
