using Caduceus.Gateway.Limits;
using StackExchange.Redis;

namespace Caduceus.Gateway.Tests.Limits;

/// <summary>A shared store that can be made to fail as an unreachable Redis does; counts the calls that reached it.</summary>
internal sealed class SwitchableCounterStore(IUsageCounterStore inner) : IUsageCounterStore
{
    public bool Down { get; set; }

    public int Calls { get; private set; }

    public ValueTask<UsageAdmission> AdmitAsync(string identity, UsageLimits limits, long promptTokens, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return inner.AdmitAsync(identity, limits, promptTokens, cancellationToken);
    }

    public ValueTask ChargeAsync(string identity, long tokens, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return inner.ChargeAsync(identity, tokens, cancellationToken);
    }

    private void ThrowIfDown()
    {
        Calls++;
        if (Down)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "test: Redis is down", null, CommandStatus.Unknown);
        }
    }
}
