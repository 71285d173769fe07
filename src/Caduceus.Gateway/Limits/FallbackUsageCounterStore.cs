using Caduceus.Events;
using Caduceus.Gateway.Events;
using StackExchange.Redis;

namespace Caduceus.Gateway.Limits;

/// <summary>
/// Redis first; while Redis cannot be reached, this instance's own counters. A security gateway must neither refuse
/// all traffic because a cache is down (fail closed) nor let it through uncounted (fail open): each instance keeps
/// enforcing the limits on its own, so across N instances a caller gets at most N times its limit until Redis is
/// back. The outage raises one <see cref="SecurityEventTypes.LimitStoreUnavailable"/> event; Redis is tried again
/// after <see cref="UsageLimitsOptions.RedisRetryInterval"/>.
/// </summary>
internal sealed class FallbackUsageCounterStore(
    IUsageCounterStore shared,
    InMemoryUsageCounterStore local,
    TimeSpan retryInterval,
    SecurityEventBus events,
    UsageLimitLog log,
    TimeProvider timeProvider) : IUsageCounterStore
{
    private const string RedisUnreachableCode = "redis_unreachable";
    private long _localUntilTimestamp = long.MinValue;
    private int _outage;

    /// <summary>True while this instance counts on its own.</summary>
    public bool IsDegraded => Volatile.Read(ref _outage) == 1;

    public async ValueTask<UsageAdmission> AdmitAsync(string identity, UsageLimits limits, long promptTokens, CancellationToken cancellationToken)
    {
        if (!LocalOnly())
        {
            try
            {
                var admission = await shared.AdmitAsync(identity, limits, promptTokens, cancellationToken);
                Recovered();
                return admission;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                Degrade(exception);
            }
        }

        return await local.AdmitAsync(identity, limits, promptTokens, cancellationToken);
    }

    public async ValueTask ChargeAsync(string identity, long tokens, CancellationToken cancellationToken)
    {
        if (!LocalOnly())
        {
            try
            {
                await shared.ChargeAsync(identity, tokens, cancellationToken);
                Recovered();
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                Degrade(exception);
            }
        }

        await local.ChargeAsync(identity, tokens, cancellationToken);
    }

    private bool LocalOnly() => timeProvider.GetTimestamp() < Volatile.Read(ref _localUntilTimestamp);

    private void Degrade(Exception exception)
    {
        var retryTicks = (long)(retryInterval.TotalSeconds * timeProvider.TimestampFrequency);
        Volatile.Write(ref _localUntilTimestamp, timeProvider.GetTimestamp() + retryTicks);
        if (Interlocked.Exchange(ref _outage, 1) == 0)
        {
            // The exception's type only: its message names the server, which is configuration, not an event's business.
            log.SharedStoreUnavailable(exception.GetType().Name, retryInterval);
            events.Publish(SecurityEventTypes.LimitStoreUnavailable, RedisUnreachableCode, null, null, null);
        }
    }

    private void Recovered()
    {
        if (Volatile.Read(ref _outage) == 1 && Interlocked.Exchange(ref _outage, 0) == 1)
        {
            log.SharedStoreRecovered();
        }
    }
}
