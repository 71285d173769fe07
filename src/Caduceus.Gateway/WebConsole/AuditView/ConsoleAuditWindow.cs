using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.WebConsole.AuditView;

/// <summary>
/// The newest stretch of the audit trail, read through <see cref="IAuditReader"/>. The stores index only the sequence
/// number and parsing a record costs more than reading it, so the newest <see cref="MaxRecords"/> parsed records
/// are kept in memory and each page reads only what was appended since the last one. Older stretches (paging back)
/// are read from the store <see cref="OlderWindowRecords"/> at a time. Either way a page never scans the whole
/// trail: for that there is <c>caduceus audit search</c>.
/// </summary>
internal sealed class ConsoleAuditWindow(IAuditStore store, IAuditReader reader) : IDisposable
{
    public const int MaxRecords = 5_000;
    public const int OlderWindowRecords = 1_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Sequence, AuditRecord Record)[] _newest = [];

    /// <summary>
    /// Records with a sequence below <paramref name="before"/> (null: up to the head), oldest first: the newest
    /// <see cref="MaxRecords"/> from memory, or <see cref="OlderWindowRecords"/> older ones from the store.
    /// </summary>
    public async Task<AuditWindow> ReadAsync(long? before, CancellationToken cancellationToken)
    {
        var head = await store.ReadHeadAsync(cancellationToken);
        var newest = await RefreshAsync(head.Sequence, cancellationToken);
        var end = Math.Min(before ?? long.MaxValue, head.Sequence + 1);
        if (newest.Length > 0 && end > newest[0].Sequence)
        {
            var inWindow = newest.Where(r => r.Sequence < end).ToArray();
            return new AuditWindow(inWindow, head.Sequence, inWindow.Length > 0 ? inWindow[0].Sequence - 1 : end - 1);
        }

        var after = Math.Max(0, end - 1 - OlderWindowRecords);
        return new AuditWindow(await ReadRangeAsync(after, end, cancellationToken), head.Sequence, after);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<(long Sequence, AuditRecord Record)[]> RefreshAsync(long headSequence, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var cachedThrough = _newest.Length > 0 ? _newest[^1].Sequence : 0;
            if (headSequence != cachedThrough)
            {
                // A purge or a new store can move the head back: start over then.
                var kept = headSequence > cachedThrough ? _newest : [];
                var from = Math.Max(headSequence > cachedThrough ? cachedThrough : 0, headSequence - MaxRecords);
                var added = await ReadRangeAsync(from, headSequence + 1, cancellationToken);
                _newest = kept.Concat(added).Where(r => r.Sequence > headSequence - MaxRecords).ToArray();
            }

            return _newest;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(long Sequence, AuditRecord Record)[]> ReadRangeAsync(long after, long end, CancellationToken cancellationToken)
    {
        var records = new List<(long, AuditRecord)>();
        await foreach (var stored in reader.ReadAsync(after, cancellationToken))
        {
            if (stored.Sequence >= end)
            {
                break;
            }

            records.Add((stored.Sequence, AuditRecordJson.Parse(stored.CanonicalJson, stored.Sequence)));
        }

        return records.ToArray();
    }
}

/// <summary>A window of parsed records (oldest first), the chain's head, and the sequence the window starts after.</summary>
public sealed record AuditWindow(IReadOnlyList<(long Sequence, AuditRecord Record)> Records, long HeadSequence, long StartsAfter);
