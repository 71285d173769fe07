using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Playbook windows in Redis (<c>Incidents:Redis</c>), one sorted set of evidence per playbook and subject scored by
/// event time, so a burst spread over several gateway instances reaches the threshold once. Counting is one Lua script,
/// atomic on the server: exactly one instance takes the evidence and opens the incident. The evidence holds event ids,
/// types, codes, counts and source hashes, never content. While Redis is unreachable each instance counts on its own.
/// </summary>
internal sealed class RedisPlaybookWindows(IConnectionMultiplexer redis, string prefix) : IPlaybookWindows, IDisposable
{
    private const string CountScript = """
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[5])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[2])
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
          local evidence = redis.call('ZRANGE', KEYS[1], 0, -1)
          redis.call('DEL', KEYS[1])
          return evidence
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return {}
        """;

    private readonly InMemoryPlaybookWindows _fallback = new();

    public async Task<IReadOnlyList<IncidentEvent>?> CountAsync(Playbook playbook, string subject, IncidentEvent evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(evidence);
        var time = evidence.Time.ToUnixTimeMilliseconds();
        RedisResult result;
        try
        {
            result = await redis.GetDatabase().ScriptEvaluateAsync(
                CountScript,
                [(RedisKey)$"{prefix}w:{playbook.Name}:{subject}"],
                [
                    time,
                    time - (long)playbook.Window.TotalMilliseconds,
                    playbook.Threshold,
                    ((long)playbook.Window.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                    JsonSerializer.Serialize(evidence, IncidentJsonContext.Default.IncidentEvent),
                ]).ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // Redis is down: detection must not stop, so this instance counts what it sees until Redis is back.
            return await _fallback.CountAsync(playbook, subject, evidence, cancellationToken).ConfigureAwait(false);
        }

        var members = (RedisResult[])result!;
        return members.Length == 0
            ? null
            : members.Select(m => JsonSerializer.Deserialize((string)m!, IncidentJsonContext.Default.IncidentEvent)!).ToArray();
    }

    public void Dispose() => redis.Dispose();
}
