using System.Data.Common;
using Caduceus.Gateway.SharedState;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// The payload hashes imported feeds say are attacks, as every request checks them: re-read from the store when older
/// than <see cref="Lifetime"/>, so an import by any instance applies within a second, and at once on shared state,
/// whose change channel drops the copy when another instance imports. A failed re-read keeps the last known set
/// (fail closed) and tries again.
/// </summary>
internal sealed class KnownAttackPayloads(IThreatIndicatorStore store, TimeProvider timeProvider) : ISharedStateCache, IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (IReadOnlySet<string> Hashes, DateTimeOffset ReadAt) _snapshot = (new HashSet<string>(), DateTimeOffset.MinValue);

    public async ValueTask<IReadOnlySet<string>> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var snapshot = _snapshot;
        return now - snapshot.ReadAt < Lifetime ? snapshot.Hashes : await RefreshAsync(now, cancellationToken);
    }

    public string Table => "threat_indicators";

    public void Invalidate() => _snapshot = (_snapshot.Hashes, DateTimeOffset.MinValue);

    public void Dispose() => _refresh.Dispose();

    private async Task<IReadOnlySet<string>> RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (now - _snapshot.ReadAt < Lifetime)
            {
                return _snapshot.Hashes;
            }

            try
            {
                _snapshot = (await store.ImportedPayloadHashesAsync(now, cancellationToken), now);
            }
            catch (DbException)
            {
                _snapshot = (_snapshot.Hashes, now);
            }

            return _snapshot.Hashes;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
