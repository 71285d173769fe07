using Caduceus.Events;
using Caduceus.Gateway.Drills;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.Drills;

public sealed class DrillSchedulerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Due_schedule_runs_the_drill_through_the_gateway_and_raises_drill_completed_with_the_numbers()
    {
        // The product's 60 requests a minute: the drill key must not be held to it.
        await using var gateway = await DrillGateway.StartAsync(DrillGateway.Settings("system-prompt-leakage", new Dictionary<string, string?>
        {
            ["Limits:RequestsPerMinute"] = "60",
        }));
        var scheduler = gateway.Harness.Services.GetRequiredService<DrillScheduler>();
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 3, 0, 0, TimeSpan.Zero), scheduler.NextRunAt(DrillGateway.Schedule));
        Assert.DoesNotContain(gateway.Harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.DrillCompleted);

        gateway.Clock.Advance(TimeSpan.FromHours(3));
        var completed = await gateway.WaitForEventAsync(SecurityEventTypes.DrillCompleted);

        Assert.Equal(DrillEvents.PassedCode, completed.Code);
        Assert.Equal("default", completed.Application);
        Assert.Equal("drills/schedules/nightly", completed.Route);
        Assert.StartsWith("key_", completed.Principal, StringComparison.Ordinal);
        Assert.True(completed.EntityCounts["LLM07.attempts"] > 20, "the system-prompt-leakage suite sends its attacks under every mutation");
        Assert.Equal(completed.EntityCounts["LLM07.attempts"], completed.EntityCounts["LLM07.stopped"]);
        Assert.Equal(50, completed.EntityCounts["benign.total"]);
        Assert.True(completed.EntityCounts["benign.refused"] <= 1);
        Assert.True(completed.EntityCounts["duration_ms"] > 0);
        Assert.DoesNotContain(completed.EntityCounts.Keys, k => k.StartsWith("LLM01", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.LimitExceeded);

        var result = await WaitForResultAsync(gateway);
        Assert.True(result.Passed);
        Assert.Empty(result.Findings);
        Assert.Equal(completed.Id, result.EventId);
        Assert.Null(result.IncidentId);
        Assert.Equal(1.0, result.Categories["LLM07"].StoppedRate);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 0, 0, TimeSpan.Zero), scheduler.NextRunAt(DrillGateway.Schedule));
    }

    [Fact]
    public async Task Schedule_that_is_not_due_does_not_run()
    {
        await using var gateway = await DrillGateway.StartAsync(DrillGateway.Settings("system-prompt-leakage"));

        gateway.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(59));
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancel);

        Assert.DoesNotContain(gateway.Harness.Events.Snapshot(), e => e.Type.StartsWith("drill.", StringComparison.Ordinal));
        Assert.Null(await gateway.Results.LatestAsync(DrillGateway.Schedule, Cancel));
    }

    private static async Task<DrillResult> WaitForResultAsync(DrillGateway gateway)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await gateway.Results.LatestAsync(DrillGateway.Schedule, Cancel) is { } result)
            {
                return result;
            }

            await Task.Delay(50, Cancel);
        }

        throw new TimeoutException("no stored drill result");
    }
}
