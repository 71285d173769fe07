using StackExchange.Redis;

namespace Caduceus.Gateway.Limits;

/// <summary>
/// The counters in Redis, shared by every gateway instance that names the same server and prefix. An admission is
/// one Lua script (one round trip, atomic on the server); each counter is a plain integer key that expires with
/// its window. An identity's keys share a hash tag, so they sit in one slot of a Redis cluster.
/// </summary>
internal sealed class RedisUsageCounterStore(IConnectionMultiplexer redis, string prefix) : IUsageCounterStore
{
    private const string AdmitScript = """
        local function left(k, w)
          local t = redis.call('PTTL', k)
          if t < 0 then return w end
          return t
        end
        local function add(k, n, w)
          local v = redis.call('INCRBY', k, n)
          if v < 0 then redis.call('SET', k, 0, 'KEEPTTL') end
          if redis.call('PTTL', k) < 0 then redis.call('PEXPIRE', k, w) end
        end
        local p = tonumber(ARGV[4])
        if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[1]) then return {1, left(KEYS[1], ARGV[5])} end
        if tonumber(redis.call('GET', KEYS[2]) or '0') + p > tonumber(ARGV[2]) then return {2, left(KEYS[2], ARGV[6])} end
        if tonumber(redis.call('GET', KEYS[3]) or '0') + p > tonumber(ARGV[3]) then return {3, left(KEYS[3], ARGV[7])} end
        add(KEYS[1], 1, ARGV[5])
        add(KEYS[2], p, ARGV[6])
        add(KEYS[3], p, ARGV[7])
        return {0, 0}
        """;

    private const string ChargeScript = """
        for i = 1, 2 do
          local v = redis.call('INCRBY', KEYS[i], ARGV[1])
          if v < 0 then redis.call('SET', KEYS[i], 0, 'KEEPTTL') end
          if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[i + 1]) end
        end
        return 1
        """;

    private static readonly RedisValue RequestWindowMs = (long)UsageWindows.Requests.TotalMilliseconds;
    private static readonly RedisValue HourMs = (long)UsageWindows.Hour.TotalMilliseconds;
    private static readonly RedisValue DayMs = (long)UsageWindows.Day.TotalMilliseconds;

    public async ValueTask<UsageAdmission> AdmitAsync(string identity, UsageLimits limits, long promptTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            AdmitScript,
            [Key(identity, "r"), Key(identity, "h"), Key(identity, "d")],
            [limits.RequestsPerMinute, limits.TokensPerHour, limits.TokensPerDay, promptTokens, RequestWindowMs, HourMs, DayMs]))!;
        var refusedBy = (int)result[0];
        return refusedBy == 0
            ? UsageAdmission.Admitted
            : new UsageAdmission((UsageLimitKind)refusedBy, TimeSpan.FromMilliseconds((long)result[1]));
    }

    public async ValueTask ChargeAsync(string identity, long tokens, CancellationToken cancellationToken) =>
        await redis.GetDatabase().ScriptEvaluateAsync(ChargeScript, [Key(identity, "h"), Key(identity, "d")], [tokens, HourMs, DayMs]);

    private RedisKey Key(string identity, string counter) => $"{prefix}{{{identity}}}:{counter}";
}
