namespace Caduceus.Gateway.Incidents;

/// <summary>
/// The active blocks as every request checks them: a snapshot of the store, re-read when it is older than
/// <see cref="Lifetime"/>, so a block placed or lifted by any gateway instance or the CLI applies within a second
/// without a database query per request. A failed re-read keeps refusing what was blocked (fail closed) and retries.
/// </summary>
internal sealed class ActiveContainment(IContainmentStore store, TimeProvider timeProvider) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot _snapshot = new([], DateTimeOffset.MinValue);

    /// <summary>The block that refuses this caller, or null.</summary>
    public async ValueTask<ContainmentBlock?> FindAsync(string? principal, string? application, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var snapshot = _snapshot;
        if (now - snapshot.ReadAt >= Lifetime)
        {
            snapshot = await RefreshAsync(now, cancellationToken);
        }

        foreach (var block in snapshot.Blocks)
        {
            if (block.IsActiveAt(now) && (block.Kind == ContainmentBlockKind.Principal ? principal : application) is { } value
                && string.Equals(block.Value, value, StringComparison.Ordinal))
            {
                return block;
            }
        }

        return null;
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>Makes the next check read the store (after this instance placed or lifted a block).</summary>
    public void Invalidate() => _snapshot = _snapshot with { ReadAt = DateTimeOffset.MinValue };

    private async Task<Snapshot> RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (now - _snapshot.ReadAt < Lifetime)
            {
                return _snapshot;
            }

            try
            {
                _snapshot = new Snapshot(await store.ActiveAsync(now, cancellationToken), now);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // The store is unreachable: keep enforcing the last known blocks, and try again in a second.
                _snapshot = _snapshot with { ReadAt = now };
            }

            return _snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record Snapshot(IReadOnlyList<ContainmentBlock> Blocks, DateTimeOffset ReadAt);
}
