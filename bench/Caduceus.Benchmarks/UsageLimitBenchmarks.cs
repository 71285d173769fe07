using BenchmarkDotNet.Attributes;
using Caduceus.Gateway.Limits;
using StackExchange.Redis;

namespace Caduceus.Benchmarks;

/// <summary>
/// What the rate limit and token budgets cost per request: one admission (check and count) plus one charge of the
/// answer's tokens, in this process and in Redis over loopback (two round trips, each one Lua script). The Redis
/// benchmark needs a server in <c>CADUCEUS_TEST_REDIS</c> (<c>scripts/redis.sh start</c> prints the address).
/// </summary>
[MemoryDiagnoser]
public class UsageLimitBenchmarks
{
    private const string RedisVariable = "CADUCEUS_TEST_REDIS";
    private static readonly UsageLimits Limits = new(int.MaxValue, long.MaxValue / 4, long.MaxValue / 4, 8192);

    private readonly InMemoryUsageCounterStore _local = new(TimeProvider.System);
    private ConnectionMultiplexer? _redis;
    private RedisUsageCounterStore? _shared;

    [GlobalSetup(Targets = [nameof(Redis_admit_and_charge)])]
    public async Task SetupRedisAsync()
    {
        var address = Environment.GetEnvironmentVariable(RedisVariable)
            ?? throw new InvalidOperationException($"{RedisVariable} is not set: start Redis with scripts/redis.sh start and export it.");
        _redis = await ConnectionMultiplexer.ConnectAsync(address);
        _shared = new RedisUsageCounterStore(_redis, $"caduceus-bench:{Guid.NewGuid():N}:");
    }

    [GlobalCleanup]
    public void Cleanup() => _redis?.Dispose();

    [Benchmark(Baseline = true, Description = "In process: admit + charge")]
    public async Task<bool> In_process_admit_and_charge()
    {
        var admission = await _local.AdmitAsync("key_0123456789abcdef", Limits, 500, CancellationToken.None);
        await _local.ChargeAsync("key_0123456789abcdef", 200, CancellationToken.None);
        return admission.IsAdmitted;
    }

    [Benchmark(Description = "Redis (loopback): admit + charge")]
    public async Task<bool> Redis_admit_and_charge()
    {
        var admission = await _shared!.AdmitAsync("key_0123456789abcdef", Limits, 500, CancellationToken.None);
        await _shared.ChargeAsync("key_0123456789abcdef", 200, CancellationToken.None);
        return admission.IsAdmitted;
    }
}
