namespace Caduceus.Gateway.Incidents;

/// <summary>
/// The active blocks as every request checks them: a snapshot of the store, re-read when it is older than
/// <see cref="Lifetime"/>, so a block placed or lifted by any gateway instance or the CLI applies within a second
/// without a database query per request; on shared state a change notification makes the next check read at once.
/// A failed re-read keeps enforcing what was active (fail closed) and retries.
/// </summary>
internal sealed class ActiveContainment(IContainmentStore store, TimeProvider timeProvider) : SharedState.ISharedStateCache, IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    /// <summary>How long one re-read may take before it counts as a failure (the last snapshot stays in force).</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private ContainmentSnapshot _snapshot = ContainmentSnapshot.Empty;
    private long _generation;

    public string Table => "containment_blocks";

    public TimeProvider Clock => timeProvider;

    /// <summary>The blocks in force now (at most <see cref="Lifetime"/> old).</summary>
    public async ValueTask<ContainmentSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var snapshot = _snapshot;
        return now - snapshot.ReadAt >= Lifetime ? await RefreshAsync(now, cancellationToken) : snapshot;
    }

    public void Dispose() => _refresh.Dispose();

    private static bool IsStoreFailure(Exception exception, CancellationToken requestAborted) => exception switch
    {
        System.Data.Common.DbException or TimeoutException or IOException or System.Net.Sockets.SocketException => true,
        OperationCanceledException => !requestAborted.IsCancellationRequested,
        _ => false,
    };

    /// <summary>Makes the next check read the store (after a block was placed or lifted, here or elsewhere), also when a read is under way.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = _snapshot.ReadAgainAt(DateTimeOffset.MinValue);
    }

    private async Task<ContainmentSnapshot> RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (now - _snapshot.ReadAt < Lifetime)
            {
                return _snapshot;
            }

            using var timeout = new CancellationTokenSource(ReadTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var generation = Interlocked.Read(ref _generation);
            try
            {
                var blocks = await store.ActiveAsync(now, linked.Token);

                // Changed while reading: enforce what was read, but read again at the next check.
                _snapshot = new ContainmentSnapshot(blocks, generation == Interlocked.Read(ref _generation) ? now : DateTimeOffset.MinValue);
            }
            catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
            {
                // The store (SQLite or the shared PostgreSQL) is unreachable or too slow: keep enforcing the last known
                // blocks, and try again a second after this attempt ended, so requests do not queue behind a dead store.
                _snapshot = _snapshot.ReadAgainAt(timeProvider.GetUtcNow());
            }

            return _snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
