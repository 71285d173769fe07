using System.Globalization;
using StackExchange.Redis;

namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// Anomaly state in Redis, shared by every gateway instance that names the same server and prefix, so baselines
/// and windows combine all instances' traffic. Each operation is one Lua script, atomic on the server: exactly one
/// caller sees a subject move to a new bucket and folds the window it closed. Buckets and cooldowns expire on
/// their own; baselines live for <see cref="BaselineRetention"/> after their last update.
/// </summary>
internal sealed class RedisAnomalyStateStore(IConnectionMultiplexer redis, string prefix) : IAnomalyStateStore
{
    public static readonly TimeSpan BucketRetention = TimeSpan.FromDays(2);
    public static readonly TimeSpan BaselineRetention = TimeSpan.FromDays(30);

    private const string AddScript = """
        local p, b, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[6])
        local function window(x)
          local a = redis.call('HMGET', p .. 'b:' .. x, 'r', 'f', 'o', 't')
          local c = redis.call('HMGET', p .. 'b:' .. (x - 1), 'r', 'f', 'o', 't')
          local w = {}
          for i = 1, 4 do w[i] = (tonumber(a[i]) or 0) + (tonumber(c[i]) or 0) end
          w[5] = #redis.call('SUNION', p .. 'p:' .. x, p .. 'p:' .. (x - 1))
          return w
        end
        local h = p .. 'b:' .. b
        redis.call('HINCRBY', h, 'r', 1)
        redis.call('HINCRBY', h, 'f', ARGV[3])
        redis.call('HINCRBY', h, 'o', ARGV[4])
        redis.call('HINCRBY', h, 't', ARGV[5])
        redis.call('EXPIRE', h, ttl)
        if #ARGV > 6 then
          redis.call('SADD', p .. 'p:' .. b, unpack(ARGV, 7))
          redis.call('EXPIRE', p .. 'p:' .. b, ttl)
        end
        local result = window(b)
        local last = tonumber(redis.call('GET', p .. 'last'))
        if last == nil or last < b then
          redis.call('SET', p .. 'last', b, 'EX', ttl)
          if last ~= nil then
            local closed = window(last)
            for i = 1, 5 do result[5 + i] = closed[i] end
            result[11] = last
          end
        end
        return result
        """;

    // Must compute exactly what Baseline.Fold computes.
    private const string FoldScript = """
        local alpha, clip, warm, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
        for i = 5, #ARGV, 3 do
          local m, x, floor = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
          local v = redis.call('HMGET', KEYS[1], m .. ':m', m .. ':v', m .. ':n')
          local mean, var, n = tonumber(v[1]), tonumber(v[2]) or 0, tonumber(v[3]) or 0
          if n == 0 or mean == nil then
            mean, var, n = x, 0, 1
          else
            if n >= warm then
              local cap = mean + clip * math.max(math.sqrt(var), floor)
              if x > cap then x = cap end
            end
            local d = x - mean
            local inc = alpha * d
            mean = mean + inc
            var = (1 - alpha) * (var + d * inc)
            n = n + 1
          end
          redis.call('HSET', KEYS[1], m .. ':m', string.format('%.17g', mean), m .. ':v', string.format('%.17g', var), m .. ':n', n)
        end
        redis.call('EXPIRE', KEYS[1], ttl)
        return 1
        """;

    private const string CooldownScript = """
        local ends = tonumber(redis.call('GET', KEYS[1]))
        if ends ~= nil and ends > tonumber(ARGV[1]) then return 0 end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        return 1
        """;

    private IDatabase Database => redis.GetDatabase();

    public async ValueTask<WindowUpdate> AddAsync(string subject, long bucket, WindowIncrement increment, CancellationToken cancellationToken)
    {
        var arguments = new List<RedisValue>(6 + increment.PatientHashes.Count)
        {
            SubjectPrefix(subject), bucket, increment.Refused ? 1 : 0, increment.OffHours ? 1 : 0, increment.Tokens, (long)BucketRetention.TotalSeconds,
        };
        arguments.AddRange(increment.PatientHashes.Select(hash => (RedisValue)hash));
        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(AddScript, [], [.. arguments]))!;
        var current = Counts(result, 0);
        return result.Length > 5
            ? new WindowUpdate(current, Counts(result, 5), (long)result[10])
            : new WindowUpdate(current, null);
    }

    public async ValueTask<IReadOnlyDictionary<string, Baseline>> BaselinesAsync(string subject, CancellationToken cancellationToken)
    {
        var fields = (await Database.HashGetAllAsync(BaselineKey(subject))).ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal);
        var baselines = new Dictionary<string, Baseline>(StringComparer.Ordinal);
        foreach (var name in fields.Keys.Where(k => k.EndsWith(":n", StringComparison.Ordinal)))
        {
            var metric = name[..^2];
            baselines[metric] = new Baseline(Number(fields[metric + ":m"]), Number(fields[metric + ":v"]), (long)Number(fields[name]));
        }

        return baselines;
    }

    public async ValueTask FoldAsync(string subject, IReadOnlyList<MetricSample> samples, FoldSettings settings, CancellationToken cancellationToken)
    {
        var arguments = new List<RedisValue>(4 + (3 * samples.Count))
        {
            settings.Alpha, settings.ClipDeviations, settings.WarmUpSamples, (long)BaselineRetention.TotalSeconds,
        };
        foreach (var sample in samples)
        {
            arguments.Add(sample.Metric);
            arguments.Add(sample.Value);
            arguments.Add(sample.DeviationFloor);
        }

        await Database.ScriptEvaluateAsync(FoldScript, [BaselineKey(subject)], [.. arguments]);
    }

    public async ValueTask<bool> TryStartCooldownAsync(string key, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        var until = now + cooldown;
        var started = await Database.ScriptEvaluateAsync(
            CooldownScript,
            [prefix + "cooldown:" + key],
            [now.ToUnixTimeMilliseconds(), until.ToUnixTimeMilliseconds(), Math.Max(1, (long)cooldown.TotalMilliseconds)]);
        return (long)started == 1;
    }

    private static WindowCounts Counts(RedisResult[] result, int offset) =>
        new((long)result[offset], (long)result[offset + 1], (long)result[offset + 2], (long)result[offset + 3], (long)result[offset + 4]);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private string SubjectPrefix(string subject) => prefix + "window:" + subject + ":";

    private RedisKey BaselineKey(string subject) => prefix + "baseline:" + subject;
}
