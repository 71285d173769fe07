namespace Caduceus.Gateway.Lockout;

/// <summary>
/// Failed sign-in and second-factor attempts per partition (an admin key, an account, a source address), counted in
/// a window that starts at the partition's first failure. Partitions arrive as keyed hashes, never as names or
/// addresses. A shared store (Redis, PostgreSQL) throws <see cref="FailureCountersUnavailableException"/> when it
/// cannot be reached; callers then refuse the attempt rather than allow unlimited guessing.
/// </summary>
internal interface IFailureCounterStore
{
    /// <summary>When the lock on <paramref name="partition"/> ends, or null while it has fewer than <paramref name="maxFailures"/> failures in its window.</summary>
    ValueTask<DateTimeOffset?> LockedUntilAsync(string partition, int maxFailures, CancellationToken cancellationToken);

    /// <summary>Counts one failure; the first failure of a partition (or the first after its window ended) starts a window of <paramref name="window"/>.</summary>
    ValueTask RecordFailureAsync(string partition, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>The partition's count starts over.</summary>
    ValueTask ClearAsync(string partition, CancellationToken cancellationToken);
}
