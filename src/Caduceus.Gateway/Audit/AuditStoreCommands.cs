using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// The SQL both stores share: the tables have the same shape in SQLite and PostgreSQL (<c>audit_records</c>,
/// <c>audit_checkpoints</c>) and both accept <c>@name</c> parameters, so only locking and schema differ per store.
/// </summary>
internal static class AuditStoreCommands
{
    // Both engines take thousands of parameters per statement (SQLite 32766, PostgreSQL 65535); 4 per row.
    private const int RowsPerInsert = 500;

    public static async Task<AuditChainHead> ReadHeadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            SELECT (SELECT seq FROM audit_records ORDER BY seq DESC LIMIT 1),
                   (SELECT hash FROM audit_records ORDER BY seq DESC LIMIT 1),
                   (SELECT seq FROM audit_checkpoints ORDER BY id DESC LIMIT 1),
                   (SELECT hash FROM audit_checkpoints ORDER BY id DESC LIMIT 1),
                   (SELECT signed_at_ms FROM audit_checkpoints ORDER BY id DESC LIMIT 1)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        long? checkpointSequence = reader.IsDBNull(2) ? null : reader.GetInt64(2);
        long? signedAt = reader.IsDBNull(4) ? null : reader.GetInt64(4);
        if (!reader.IsDBNull(0))
        {
            return new AuditChainHead(reader.GetInt64(0), (byte[])reader.GetValue(1), checkpointSequence ?? 0, signedAt);
        }

        // Every record was purged: the chain continues from the anchoring checkpoint.
        return checkpointSequence is { } anchor
            ? new AuditChainHead(anchor, (byte[])reader.GetValue(3), anchor, signedAt)
            : AuditChainHead.Empty;
    }

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, AuditBatch batch, CancellationToken cancellationToken)
    {
        foreach (var rows in batch.Records.Chunk(RowsPerInsert))
        {
            var sql = new StringBuilder("INSERT INTO audit_records (seq, record, prev_hash, hash) VALUES ");
            await using var command = Command(connection, transaction, string.Empty);
            for (var i = 0; i < rows.Length; i++)
            {
                sql.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"(@s{i}, @r{i}, @p{i}, @h{i})");
                Add(command, $"@s{i}", rows[i].Sequence);
                Add(command, $"@r{i}", rows[i].CanonicalJson);
                Add(command, $"@p{i}", rows[i].PreviousHash);
                Add(command, $"@h{i}", rows[i].Hash);
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (batch.Checkpoint is { } checkpoint)
        {
            await using var command = Command(connection, transaction, "INSERT INTO audit_checkpoints (seq, hash, signed_at_ms, signature) VALUES (@seq, @hash, @at, @signature)");
            Add(command, "@seq", checkpoint.Sequence);
            Add(command, "@hash", checkpoint.Hash);
            Add(command, "@at", checkpoint.SignedAtMs);
            Add(command, "@signature", checkpoint.Signature);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<AuditPurge> PurgeThroughAsync(DbConnection connection, DbTransaction transaction, long through, bool dryRun, CancellationToken cancellationToken)
    {
        await using (var check = Command(connection, transaction, """
            SELECT c.hash, r.hash, (SELECT COUNT(*) FROM audit_records WHERE seq > @n)
            FROM audit_checkpoints c LEFT JOIN audit_records r ON r.seq = c.seq
            WHERE c.seq = @n ORDER BY c.id DESC LIMIT 1
            """))
        {
            Add(check, "@n", through);
            await using var reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"There is no checkpoint at record {through}: a purge may end only at a signed checkpoint, so that the remaining chain verifies from it.");
            }

            if (reader.GetInt64(2) == 0)
            {
                throw new InvalidOperationException($"Record {through} is the last one: a purge must leave the record after its checkpoint, which carries the checkpoint's hash.");
            }

            if (!reader.IsDBNull(1) && !CryptographicOperations.FixedTimeEquals((byte[])reader.GetValue(0), (byte[])reader.GetValue(1)))
            {
                throw new InvalidOperationException($"Record {through} does not have the hash its checkpoint signed; verify the audit trail before purging.");
            }
        }

        long records, first, checkpoints;
        await using (var count = Command(connection, transaction, "SELECT COUNT(*), MIN(seq), (SELECT COUNT(*) FROM audit_checkpoints WHERE seq < @n) FROM audit_records WHERE seq <= @n"))
        {
            Add(count, "@n", through);
            await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            records = reader.GetInt64(0);
            first = reader.IsDBNull(1) ? through + 1 : reader.GetInt64(1);
            checkpoints = reader.GetInt64(2);
        }

        if (!dryRun && (records > 0 || checkpoints > 0))
        {
            foreach (var sql in new[] { "DELETE FROM audit_records WHERE seq <= @n", "DELETE FROM audit_checkpoints WHERE seq < @n" })
            {
                await using var delete = Command(connection, transaction, sql);
                Add(delete, "@n", through);
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return new AuditPurge(first, through, records, checkpoints);
    }

    public static async IAsyncEnumerable<StoredAuditRecord> ReadRecordsAsync(DbConnection connection, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, "SELECT seq, record, prev_hash, hash FROM audit_records WHERE seq > @after ORDER BY seq");
        Add(command, "@after", afterSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredAuditRecord(reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3));
        }
    }

    public static async IAsyncEnumerable<StoredAuditCheckpoint> ReadCheckpointsAsync(DbConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, "SELECT id, seq, hash, signed_at_ms, signature FROM audit_checkpoints ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredAuditCheckpoint(reader.GetInt64(0), reader.GetInt64(1), (byte[])reader.GetValue(2), reader.GetInt64(3), (byte[])reader.GetValue(4));
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
