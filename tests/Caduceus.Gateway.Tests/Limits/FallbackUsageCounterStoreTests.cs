using Caduceus.Events;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Limits;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caduceus.Gateway.Tests.Limits;

public sealed class FallbackUsageCounterStoreTests
{
    private static readonly UsageLimits Limits = new(RequestsPerMinute: 100, TokensPerHour: 1000, TokensPerDay: 1000, MaxTokensPerRequest: 50);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_outage_is_counted_locally_raises_one_event_and_redis_is_tried_again_after_the_retry_interval()
    {
        var clock = new ManualClock();
        var shared = new SwitchableCounterStore(new InMemoryUsageCounterStore(clock)) { Down = true };
        var recent = new RecentSecurityEvents();
        var store = new FallbackUsageCounterStore(
            shared,
            new InMemoryUsageCounterStore(clock),
            TimeSpan.FromSeconds(5),
            new SecurityEventBus([recent], clock),
            new UsageLimitLog(NullLogger<UsageLimitLog>.Instance),
            clock);

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await store.AdmitAsync("key_a", Limits, 1, Cancel)).IsAdmitted);
        }

        Assert.True(store.IsDegraded);
        Assert.Equal(1, shared.Calls);
        shared.Down = false;
        clock.Advance(TimeSpan.FromSeconds(4));
        await store.AdmitAsync("key_a", Limits, 1, Cancel);
        Assert.Equal(1, shared.Calls);

        clock.Advance(TimeSpan.FromSeconds(2));
        await store.AdmitAsync("key_a", Limits, 1, Cancel);

        Assert.Equal(2, shared.Calls);
        Assert.False(store.IsDegraded);
        Assert.Single(recent.Snapshot(), e => e.Type == SecurityEventTypes.LimitStoreUnavailable);
    }
}
