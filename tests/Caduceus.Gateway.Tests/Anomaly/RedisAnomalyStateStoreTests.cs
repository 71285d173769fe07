using Caduceus.Bench.AnomalyTraffic;
using Caduceus.Events;
using Caduceus.Gateway.Anomaly;

namespace Caduceus.Gateway.Tests.Anomaly;

public sealed class RedisAnomalyStateStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_detectors_sharing_one_redis_see_one_combined_baseline()
    {
        await using var redisA = await TestRedis.ConnectAsync();
        await using var redisB = await TestRedis.ConnectAsync();
        var prefix = TestRedis.FreshPrefix();
        var options = AnomalyReplay.ClinicOptions();
        var instanceA = new AnomalyDetector(options, new RedisAnomalyStateStore(redisA, prefix));
        var instanceB = new AnomalyDetector(options, new RedisAnomalyStateStore(redisB, prefix));
        var memory = new InMemoryAnomalyStateStore();
        var alone = new AnomalyDetector(options, memory);
        var traffic = SyntheticClinicTraffic.Normal(7, 12_000)
            .Where(o => o.KeyId is "key_phone_1" or "key_phone_2")
            .Select(o => o with { ConversationHash = null })
            .Take(1500)
            .ToList();

        for (var i = 0; i < traffic.Count; i++)
        {
            // Requests land on either instance, as behind a load balancer.
            await (i % 2 == 0 ? instanceA : instanceB).ObserveAsync(traffic[i], Cancel);
            await alone.ObserveAsync(traffic[i], Cancel);
        }

        foreach (var subject in new[] { "key:key_phone_1", "application:phone" })
        {
            var shared = await new RedisAnomalyStateStore(redisB, prefix).BaselinesAsync(subject, Cancel);
            var single = await memory.BaselinesAsync(subject, Cancel);
            Assert.Equal(single.Keys.Order(), shared.Keys.Order());
            Assert.True(single[AnomalyMetrics.RequestRate + "@open"].Samples >= 30, "the traffic must close enough windows to warm a baseline");
            foreach (var (metric, expected) in single)
            {
                Assert.Equal(expected.Samples, shared[metric].Samples);
                Assert.Equal(expected.Mean, shared[metric].Mean, 9);
                Assert.Equal(expected.Variance, shared[metric].Variance, 6);
            }
        }
    }

    [Fact]
    public async Task A_window_counts_every_instance_s_requests_and_patients_once()
    {
        await using var redis = await TestRedis.ConnectAsync();
        var prefix = TestRedis.FreshPrefix();
        var storeA = new RedisAnomalyStateStore(redis, prefix);
        var storeB = new RedisAnomalyStateStore(redis, prefix);

        await storeA.AddAsync("key:k", 100, new WindowIncrement(false, false, 10, ["a", "b"]), Cancel);
        await storeB.AddAsync("key:k", 101, new WindowIncrement(true, true, 20, ["b", "c"]), Cancel);
        var update = await storeA.AddAsync("key:k", 101, new WindowIncrement(false, false, 5, ["c"]), Cancel);

        Assert.Equal(new WindowCounts(3, 1, 1, 35, 3), update.Current);
        Assert.Null(update.Closed);
    }

    [Fact]
    public async Task Exactly_one_caller_closes_a_window()
    {
        await using var redis = await TestRedis.ConnectAsync();
        var store = new RedisAnomalyStateStore(redis, TestRedis.FreshPrefix());
        await store.AddAsync("key:k", 100, new WindowIncrement(false, false, 1, ["a"]), Cancel);

        var updates = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.AddAsync("key:k", 102, new WindowIncrement(false, false, 1, []), Cancel).AsTask()));

        var closer = Assert.Single(updates, u => u.Closed is not null);
        Assert.Equal(new WindowCounts(1, 0, 0, 1, 1), closer.Closed);
        Assert.Equal(100, closer.ClosedBucket);
    }

    [Fact]
    public async Task A_cooldown_started_by_one_instance_holds_for_the_other()
    {
        await using var redis = await TestRedis.ConnectAsync();
        var prefix = TestRedis.FreshPrefix();
        var now = DateTimeOffset.UtcNow;

        Assert.True(await new RedisAnomalyStateStore(redis, prefix).TryStartCooldownAsync("key:k:request_rate", now, TimeSpan.FromMinutes(30), Cancel));
        Assert.False(await new RedisAnomalyStateStore(redis, prefix).TryStartCooldownAsync("key:k:request_rate", now.AddMinutes(29), TimeSpan.FromMinutes(30), Cancel));
        Assert.True(await new RedisAnomalyStateStore(redis, prefix).TryStartCooldownAsync("key:k:request_rate", now.AddMinutes(31), TimeSpan.FromMinutes(30), Cancel));
    }
}
