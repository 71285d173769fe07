using StackExchange.Redis;

namespace Caduceus.Gateway.Tests.Anomaly;

/// <summary>
/// The Redis server that scripts/test.sh starts (scripts/redis.sh) and names in <c>CADUCEUS_TEST_REDIS</c>. A
/// missing server fails the test that needs it; it never skips.
/// </summary>
internal static class TestRedis
{
    public const string Variable = "CADUCEUS_TEST_REDIS";

    public static string Address => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address
        ? address
        : throw new InvalidOperationException($"{Variable} is not set: start Redis with 'scripts/redis.sh start' and export {Variable}=127.0.0.1:56379 (scripts/test.sh does both).");

    public static async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var address = Address;
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(address + ",connectTimeout=2000");
        }
        catch (RedisConnectionException exception)
        {
            throw new InvalidOperationException($"No Redis server answers at {address} ({Variable}); start it with 'scripts/redis.sh start'.", exception);
        }
    }

    /// <summary>A key prefix no other test run uses.</summary>
    public static string FreshPrefix() => $"caduceus-test:{Guid.NewGuid():N}:";
}
