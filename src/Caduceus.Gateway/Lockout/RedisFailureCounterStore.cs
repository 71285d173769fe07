using StackExchange.Redis;

namespace Caduceus.Gateway.Lockout;

/// <summary>
/// The counters in Redis, shared by every instance that names the same server and prefix: one integer key per
/// partition that expires with its window. Counting is one script (INCR and, for a new window, PEXPIRE), atomic on
/// the server, so failures sent to several instances at once are all counted.
/// </summary>
internal sealed class RedisFailureCounterStore(IConnectionMultiplexer redis, string prefix, TimeProvider timeProvider) : IFailureCounterStore
{
    private const string RecordScript = """
        redis.call('INCR', KEYS[1])
        if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return 1
        """;

    private const string LockedScript = """
        if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then return -1 end
        return redis.call('PTTL', KEYS[1])
        """;

    public async ValueTask<DateTimeOffset?> LockedUntilAsync(string partition, int maxFailures, CancellationToken cancellationToken)
    {
        var left = (long)await RunAsync(LockedScript, partition, maxFailures);
        return left > 0 ? timeProvider.GetUtcNow().AddMilliseconds(left) : null;
    }

    public async ValueTask RecordFailureAsync(string partition, TimeSpan window, CancellationToken cancellationToken) =>
        await RunAsync(RecordScript, partition, (long)window.TotalMilliseconds);

    public async ValueTask ClearAsync(string partition, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(Key(partition));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            throw Unavailable(exception);
        }
    }

    private async Task<RedisResult> RunAsync(string script, string partition, long argument)
    {
        try
        {
            return await redis.GetDatabase().ScriptEvaluateAsync(script, [Key(partition)], [argument]);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            throw Unavailable(exception);
        }
    }

    private static FailureCountersUnavailableException Unavailable(Exception exception) =>
        new($"The failure counters in Redis cannot be reached ({exception.GetType().Name}).", exception);

    private RedisKey Key(string partition) => prefix + partition;
}
