using Caduceus.Gateway.Lockout;
using Caduceus.Gateway.Tests.Anomaly;
using StackExchange.Redis;

namespace Caduceus.Gateway.Tests.Lockout;

/// <summary>The failure counter contract on the real Redis server the test script starts (never skipped).</summary>
public sealed class RedisFailureCounterStoreTests : FailureCounterStoreContractTests, IAsyncLifetime
{
    private readonly string _prefix = TestRedis.FreshPrefix();
    private readonly List<ConnectionMultiplexer> _connections = [];

    private protected override IFailureCounterStore Store => Open(0);

    private protected override IFailureCounterStore OpenSecondStore() => Open(1);

    public async ValueTask InitializeAsync()
    {
        _connections.Add(await TestRedis.ConnectAsync());
        _connections.Add(await TestRedis.ConnectAsync());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_unreachable_redis_reports_the_counters_unavailable_instead_of_counting_nothing()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1,connectTimeout=300");
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        await using var down = await ConnectionMultiplexer.ConnectAsync(options);
        var store = new RedisFailureCounterStore(down, _prefix, TimeProvider.System);

        var exception = await Assert.ThrowsAsync<FailureCountersUnavailableException>(() => store.LockedUntilAsync("ab12", 5, Cancel).AsTask());

        Assert.Contains("Redis cannot be reached", exception.Message, StringComparison.Ordinal);
    }

    private RedisFailureCounterStore Open(int connection) => new(_connections[connection], _prefix, TimeProvider.System);
}
