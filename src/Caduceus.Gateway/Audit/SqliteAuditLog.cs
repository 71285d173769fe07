using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// The audit trail in its own SQLite file. One writer task owns the connection and the head of the chain: callers
/// queue records on a channel and await their commit; the writer takes whatever is queued (group commit), chains
/// and inserts it in one transaction with <c>synchronous=FULL</c>, adds a signed checkpoint when one is due, commits,
/// and only then completes the callers' tasks.
/// </summary>
public sealed class SqliteAuditLog : IAuditLog, IAsyncDisposable
{
    private readonly Channel<PendingRecord> _queue = Channel.CreateUnbounded<PendingRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly ECDsa _signingKey;
    private readonly AuditOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Task _writer;

    public SqliteAuditLog(string databasePath, ECDsa signingKey, AuditOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        _signingKey = signingKey;
        _options = options;
        _timeProvider = timeProvider;
        _writer = Task.Run(WriteAsync);
    }

    public async ValueTask<long> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var pending = new PendingRecord(record);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return await pending.Committed.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        _signingKey.Dispose();
    }

    private async Task WriteAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        Head head;
        try
        {
            CreateDirectory(Path.GetDirectoryName(connection.DataSource)!);
            connection.Open();
            AuditSchema.Apply(connection);
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous = FULL;";
                pragma.ExecuteNonQuery();
            }

            head = ReadHead(connection);
        }
        catch (Exception exception)
        {
            // Nothing can be audited: every caller fails rather than answering unaudited.
            _queue.Writer.TryComplete(exception);
            await foreach (var pending in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                pending.Committed.TrySetException(exception);
            }

            return;
        }

        var batch = new List<PendingRecord>(_options.MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            head = Commit(connection, head, batch);
            batch.Clear();
        }

        if (head.Sequence > head.CheckpointSequence)
        {
            using var transaction = connection.BeginTransaction();
            WriteCheckpoint(connection, transaction, head);
            transaction.Commit();
        }
    }

    private Head Commit(SqliteConnection connection, Head head, List<PendingRecord> batch)
    {
        var next = head;
        try
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO audit_records (seq, record, prev_hash, hash) VALUES ($seq, $record, $prev, $hash)";
            var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
            var recordParameter = insert.Parameters.Add("$record", SqliteType.Blob);
            var prev = insert.Parameters.Add("$prev", SqliteType.Blob);
            var hash = insert.Parameters.Add("$hash", SqliteType.Blob);
            foreach (var pending in batch)
            {
                var sequence = next.Sequence + 1;
                var canonical = pending.Record.ToCanonicalJson(sequence);
                var recordHash = AuditChain.Hash(next.Hash, canonical);
                seq.Value = sequence;
                recordParameter.Value = canonical;
                prev.Value = next.Hash;
                hash.Value = recordHash;
                insert.ExecuteNonQuery();
                next = next with { Sequence = sequence, Hash = recordHash };
            }

            var now = _timeProvider.GetUtcNow();
            if (next.Sequence - next.CheckpointSequence >= _options.CheckpointEveryRecords || now - next.CheckpointTime >= _options.CheckpointInterval)
            {
                next = WriteCheckpoint(connection, transaction, next);
            }

            transaction.Commit();
        }
        catch (Exception exception) when (exception is SqliteException or IOException or CryptographicException)
        {
            foreach (var pending in batch)
            {
                pending.Committed.TrySetException(exception);
            }

            return head;
        }

        var committed = head.Sequence;
        foreach (var pending in batch)
        {
            pending.Committed.TrySetResult(++committed);
        }

        return next;
    }

    private Head WriteCheckpoint(SqliteConnection connection, SqliteTransaction transaction, Head head)
    {
        var now = _timeProvider.GetUtcNow();
        var signedAt = now.ToUnixTimeMilliseconds();
        var signature = _signingKey.SignData(AuditChain.CheckpointPayload(head.Sequence, head.Hash, signedAt), HashAlgorithmName.SHA256);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO audit_checkpoints (seq, hash, signed_at_ms, signature) VALUES ($seq, $hash, $at, $signature)";
        command.Parameters.AddWithValue("$seq", head.Sequence);
        command.Parameters.AddWithValue("$hash", head.Hash);
        command.Parameters.AddWithValue("$at", signedAt);
        command.Parameters.AddWithValue("$signature", signature);
        command.ExecuteNonQuery();
        return head with { CheckpointSequence = head.Sequence, CheckpointTime = now };
    }

    private Head ReadHead(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT seq FROM audit_records ORDER BY seq DESC LIMIT 1),
                   (SELECT hash FROM audit_records ORDER BY seq DESC LIMIT 1),
                   (SELECT seq FROM audit_checkpoints ORDER BY id DESC LIMIT 1)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        var sequence = reader.IsDBNull(0) ? 0 : reader.GetInt64(0);
        var hash = reader.IsDBNull(1) ? AuditChain.Genesis : (byte[])reader.GetValue(1);
        var checkpoint = reader.IsDBNull(2) ? 0 : reader.GetInt64(2);
        return new Head(sequence, hash, checkpoint, _timeProvider.GetUtcNow());
    }

    private static void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private sealed record Head(long Sequence, byte[] Hash, long CheckpointSequence, DateTimeOffset CheckpointTime);

    private sealed class PendingRecord(AuditRecord record)
    {
        public AuditRecord Record { get; } = record;

        public TaskCompletionSource<long> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
