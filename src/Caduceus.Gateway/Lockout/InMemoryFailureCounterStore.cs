using Caduceus.Gateway.Verification;

namespace Caduceus.Gateway.Lockout;

/// <summary>The counters of one instance, in its memory (no shared state configured).</summary>
internal sealed class InMemoryFailureCounterStore(TimeProvider timeProvider) : IFailureCounterStore
{
    private readonly FailedAttempts _failures = new(timeProvider);

    public ValueTask<DateTimeOffset?> LockedUntilAsync(string partition, int maxFailures, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_failures.LockedUntil(partition, maxFailures));

    public ValueTask RecordFailureAsync(string partition, TimeSpan window, CancellationToken cancellationToken)
    {
        _failures.Record(partition, window);
        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync(string partition, CancellationToken cancellationToken)
    {
        _failures.Clear(partition);
        return ValueTask.CompletedTask;
    }
}
