using Caduceus.Gateway.Limits;
using Caduceus.Gateway.Tests.Vault;

namespace Caduceus.Gateway.Tests.Limits;

public sealed class UsageCounterStoreTests
{
    private static readonly UsageLimits Limits = new(RequestsPerMinute: 2, TokensPerHour: 100, TokensPerDay: 150, MaxTokensPerRequest: 50);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_request_window_opens_again_a_minute_after_its_first_request()
    {
        var clock = new ManualTimeProvider();
        var store = new InMemoryUsageCounterStore(clock);
        await store.AdmitAsync("key_a", Limits, 0, Cancel);
        clock.Advance(TimeSpan.FromSeconds(20));
        await store.AdmitAsync("key_a", Limits, 0, Cancel);

        var refused = await store.AdmitAsync("key_a", Limits, 0, Cancel);
        clock.Advance(TimeSpan.FromSeconds(40));
        var admitted = await store.AdmitAsync("key_a", Limits, 0, Cancel);

        Assert.Equal(UsageLimitKind.RequestRate, refused.RefusedBy);
        Assert.Equal(TimeSpan.FromSeconds(40), refused.RetryAfter);
        Assert.True(admitted.IsAdmitted);
    }

    [Fact]
    public async Task A_prompt_that_would_pass_the_hourly_budget_is_refused_before_it_is_counted()
    {
        var store = new InMemoryUsageCounterStore(new ManualTimeProvider());
        await store.AdmitAsync("key_a", Limits, 60, Cancel);

        var refused = await store.AdmitAsync("key_a", Limits, 41, Cancel);
        var fits = await store.AdmitAsync("key_a", Limits with { RequestsPerMinute = 10 }, 40, Cancel);

        Assert.Equal(UsageLimitKind.HourlyTokens, refused.RefusedBy);
        Assert.Equal(TimeSpan.FromHours(1), refused.RetryAfter);
        Assert.True(fits.IsAdmitted);
    }

    [Fact]
    public async Task The_daily_budget_outlasts_the_hourly_one()
    {
        var clock = new ManualTimeProvider();
        var store = new InMemoryUsageCounterStore(clock);
        await store.AdmitAsync("key_a", Limits, 0, Cancel);
        await store.ChargeAsync("key_a", 100, Cancel);
        clock.Advance(TimeSpan.FromHours(2));

        var refused = await store.AdmitAsync("key_a", Limits, 60, Cancel);

        Assert.Equal(UsageLimitKind.DailyTokens, refused.RefusedBy);
        Assert.Equal(TimeSpan.FromHours(22), refused.RetryAfter);
    }

    [Fact]
    public async Task A_reservation_corrected_downwards_never_goes_below_zero()
    {
        var store = new InMemoryUsageCounterStore(new ManualTimeProvider());
        var limits = Limits with { RequestsPerMinute = 10 };
        await store.AdmitAsync("key_a", limits, 10, Cancel);
        await store.ChargeAsync("key_a", -50, Cancel);

        var admitted = await store.AdmitAsync("key_a", limits, 100, Cancel);

        Assert.True(admitted.IsAdmitted);
        Assert.Equal(UsageLimitKind.HourlyTokens, (await store.AdmitAsync("key_a", limits, 1, Cancel)).RefusedBy);
    }

    [Fact]
    public async Task Identities_are_counted_apart_and_idle_ones_are_swept()
    {
        var clock = new ManualTimeProvider();
        var store = new InMemoryUsageCounterStore(clock);
        for (var i = 0; i < 100; i++)
        {
            Assert.True((await store.AdmitAsync($"key_{i}", Limits, 1, Cancel)).IsAdmitted);
        }

        clock.Advance(TimeSpan.FromDays(1));
        for (var i = 0; i < 4096; i++)
        {
            await store.AdmitAsync("key_busy", Limits with { RequestsPerMinute = 1_000_000 }, 0, Cancel);
        }

        Assert.Equal(1, store.TrackedIdentities);
    }
}
