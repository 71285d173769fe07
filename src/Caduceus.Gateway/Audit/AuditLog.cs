using System.Security.Cryptography;
using System.Threading.Channels;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// The audit trail over any <see cref="IAuditStore"/>. One writer task owns chaining: callers queue records on a
/// channel and await their commit; the writer takes whatever is queued (group commit), and in one store transaction
/// chains it onto the head, adds a signed checkpoint when one is due, commits, and only then completes the callers'
/// tasks. When the store fails, every caller of that batch fails rather than being answered unaudited.
/// </summary>
public sealed class AuditLog : IAuditLog, IAsyncDisposable
{
    private readonly Channel<PendingRecord> _queue = Channel.CreateUnbounded<PendingRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IAuditStore _store;
    private readonly ECDsa _signingKey;
    private readonly AuditOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly long _startedAtMs;
    private readonly Task _writer;
    private int _disposed;

    /// <summary>Takes ownership of <paramref name="store"/> and <paramref name="signingKey"/>.</summary>
    public AuditLog(IAuditStore store, ECDsa signingKey, AuditOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _signingKey = signingKey;
        _options = options;
        _timeProvider = timeProvider;
        _startedAtMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        _writer = Task.Run(WriteAsync);
    }

    public async ValueTask<long> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var pending = new PendingRecord(record);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return await pending.Committed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Commits what is queued, then a checkpoint over the last records, and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        try
        {
            await _writer;
            await _store.AppendAsync(head => head.Sequence > head.CheckpointSequence ? new AuditBatch([], Checkpoint(head.Sequence, head.Hash)) : AuditBatch.Nothing, CancellationToken.None);
        }
        finally
        {
            _signingKey.Dispose();
            await _store.DisposeAsync();
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingRecord>(_options.MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<PendingRecord> batch)
    {
        AuditBatch written;
        try
        {
            written = await _store.AppendAsync(head => Extend(head, batch), CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the store threw, each waiting caller gets it: none may be answered unaudited.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            foreach (var pending in batch)
            {
                pending.Committed.TrySetException(exception);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Committed.TrySetResult(written.Records[i].Sequence);
        }
    }

    private AuditBatch Extend(AuditChainHead head, List<PendingRecord> batch)
    {
        var records = new StoredAuditRecord[batch.Count];
        var sequence = head.Sequence;
        var previous = head.Hash;
        for (var i = 0; i < batch.Count; i++)
        {
            sequence++;
            var canonical = batch[i].Record.ToCanonicalJson(sequence);
            var hash = AuditChain.Hash(previous, canonical);
            records[i] = new StoredAuditRecord(sequence, canonical, previous, hash);
            previous = hash;
        }

        var sinceCheckpoint = TimeSpan.FromMilliseconds(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - (head.CheckpointSignedAtMs ?? _startedAtMs));
        var due = sequence - head.CheckpointSequence >= _options.CheckpointEveryRecords || sinceCheckpoint >= _options.CheckpointInterval;
        return new AuditBatch(records, due ? Checkpoint(sequence, previous) : null);
    }

    private StoredAuditCheckpoint Checkpoint(long sequence, byte[] hash)
    {
        var signedAt = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var signature = _signingKey.SignData(AuditChain.CheckpointPayload(sequence, hash, signedAt), HashAlgorithmName.SHA256);
        return new StoredAuditCheckpoint(0, sequence, hash, signedAt, signature);
    }

    private sealed class PendingRecord(AuditRecord record)
    {
        public AuditRecord Record { get; } = record;

        public TaskCompletionSource<long> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
