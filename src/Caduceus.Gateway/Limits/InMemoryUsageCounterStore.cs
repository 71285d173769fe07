using System.Collections.Concurrent;

namespace Caduceus.Gateway.Limits;

/// <summary>
/// The counters in this process: the store of a single instance, and every instance's fallback while Redis is
/// unreachable. Identities whose windows have all ended are swept now and then, so memory follows recent callers.
/// </summary>
internal sealed class InMemoryUsageCounterStore(TimeProvider timeProvider) : IUsageCounterStore
{
    private const int SweepEvery = 4096;
    private readonly ConcurrentDictionary<string, IdentityUsage> _identities = new(StringComparer.Ordinal);
    private long _operations;

    public int TrackedIdentities => _identities.Count;

    public ValueTask<UsageAdmission> AdmitAsync(string identity, UsageLimits limits, long promptTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return ValueTask.FromResult(WithUsage(identity, (usage, now) => Admit(usage, now, limits, promptTokens)));
    }

    public ValueTask ChargeAsync(string identity, long tokens, CancellationToken cancellationToken)
    {
        WithUsage(identity, (usage, now) =>
        {
            usage.HourTokens.Add(now, tokens);
            usage.DayTokens.Add(now, tokens);
            return UsageAdmission.Admitted;
        });
        return ValueTask.CompletedTask;
    }

    private static UsageAdmission Admit(IdentityUsage usage, DateTimeOffset now, UsageLimits limits, long promptTokens)
    {
        if (usage.Requests.Current(now) >= limits.RequestsPerMinute)
        {
            return new UsageAdmission(UsageLimitKind.RequestRate, usage.Requests.Remaining(now));
        }

        if (usage.HourTokens.Current(now) + promptTokens > limits.TokensPerHour)
        {
            return new UsageAdmission(UsageLimitKind.HourlyTokens, usage.HourTokens.Remaining(now));
        }

        if (usage.DayTokens.Current(now) + promptTokens > limits.TokensPerDay)
        {
            return new UsageAdmission(UsageLimitKind.DailyTokens, usage.DayTokens.Remaining(now));
        }

        usage.Requests.Add(now, 1);
        usage.HourTokens.Add(now, promptTokens);
        usage.DayTokens.Add(now, promptTokens);
        return UsageAdmission.Admitted;
    }

    private UsageAdmission WithUsage(string identity, Func<IdentityUsage, DateTimeOffset, UsageAdmission> action)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (Interlocked.Increment(ref _operations) % SweepEvery == 0)
        {
            Sweep();
        }

        while (true)
        {
            var usage = _identities.GetOrAdd(identity, static _ => new IdentityUsage());
            lock (usage)
            {
                if (!usage.Dropped)
                {
                    return action(usage, timeProvider.GetUtcNow());
                }
            }
        }
    }

    private void Sweep()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (identity, usage) in _identities)
        {
            lock (usage)
            {
                if (usage.IsIdle(now))
                {
                    usage.Dropped = true;
                    _identities.TryRemove(new KeyValuePair<string, IdentityUsage>(identity, usage));
                }
            }
        }
    }
}
