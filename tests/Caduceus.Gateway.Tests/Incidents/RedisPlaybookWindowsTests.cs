using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Tests.Anomaly;
using StackExchange.Redis;

namespace Caduceus.Gateway.Tests.Incidents;

/// <summary>Playbook windows counted in the real Redis server the test script starts, by two instances at once.</summary>
public sealed class RedisPlaybookWindowsTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Playbook Burst = new("injection-burst", new PlaybookOptions { EventTypes = ["request.blocked"], Threshold = 3, Window = TimeSpan.FromMinutes(5) });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_counted_by_two_instances_reach_the_threshold_once_and_hand_over_all_the_evidence()
    {
        var prefix = TestRedis.FreshPrefix();
        using var first = new RedisPlaybookWindows(await TestRedis.ConnectAsync(), prefix);
        using var second = new RedisPlaybookWindows(await TestRedis.ConnectAsync(), prefix);

        var afterOne = await first.CountAsync(Burst, "key_a", Evidence("evt_1", Start), Cancel);
        var afterTwo = await second.CountAsync(Burst, "key_a", Evidence("evt_2", Start.AddSeconds(1)), Cancel);
        var otherSubject = await second.CountAsync(Burst, "key_b", Evidence("evt_x", Start.AddSeconds(1)), Cancel);
        var afterThree = await first.CountAsync(Burst, "key_a", Evidence("evt_3", Start.AddSeconds(2)), Cancel);
        var afterFour = await second.CountAsync(Burst, "key_a", Evidence("evt_4", Start.AddSeconds(3)), Cancel);

        Assert.Null(afterOne);
        Assert.Null(afterTwo);
        Assert.Null(otherSubject);
        Assert.NotNull(afterThree);
        Assert.Equal(["evt_1", "evt_2", "evt_3"], afterThree.Select(e => e.EventId));
        Assert.Equal(new Dictionary<string, int> { ["SSN"] = 1 }, afterThree[0].EntityCounts);
        Assert.Equal(("prompt_injection_detected", "ab12", Start), (afterThree[0].Code, afterThree[0].Source, afterThree[0].Time));
        Assert.Null(afterFour);
    }

    [Fact]
    public async Task Events_older_than_the_window_no_longer_count()
    {
        using var windows = new RedisPlaybookWindows(await TestRedis.ConnectAsync(), TestRedis.FreshPrefix());

        await windows.CountAsync(Burst, "key_a", Evidence("evt_old", Start), Cancel);
        await windows.CountAsync(Burst, "key_a", Evidence("evt_2", Start.AddMinutes(4)), Cancel);
        var third = await windows.CountAsync(Burst, "key_a", Evidence("evt_3", Start.AddMinutes(6)), Cancel);
        var fourth = await windows.CountAsync(Burst, "key_a", Evidence("evt_4", Start.AddMinutes(6)), Cancel);

        Assert.Null(third);
        Assert.Equal(["evt_2", "evt_3", "evt_4"], fourth!.Select(e => e.EventId));
    }

    [Fact]
    public async Task While_redis_is_unreachable_the_instance_counts_the_events_it_sees_itself()
    {
        var unreachable = ConfigurationOptions.Parse("127.0.0.1:1,connectTimeout=200");
        unreachable.AbortOnConnectFail = false;
        using var windows = new RedisPlaybookWindows(await ConnectionMultiplexer.ConnectAsync(unreachable), "caduceus:test:");

        var results = new List<IReadOnlyList<IncidentEvent>?>();
        for (var i = 1; i <= 3; i++)
        {
            results.Add(await windows.CountAsync(Burst, "key_a", Evidence($"evt_{i}", Start.AddSeconds(i)), Cancel));
        }

        Assert.Null(results[0]);
        Assert.Null(results[1]);
        Assert.Equal(["evt_1", "evt_2", "evt_3"], results[2]!.Select(e => e.EventId));
    }

    private static IncidentEvent Evidence(string id, DateTimeOffset time) =>
        new(id, time, "request.blocked", "prompt_injection_detected", "/v1/chat/completions", new Dictionary<string, int> { ["SSN"] = 1 }, "ab12");
}
