using System.Runtime.CompilerServices;
using Npgsql;

namespace Caduceus.Gateway.Audit;

/// <summary>Reads the PostgreSQL audit tables (plain reads; safe beside running gateways).</summary>
public sealed class PostgresAuditReader(string connectionString) : IAuditReader
{
    public async IAsyncEnumerable<StoredAuditRecord> ReadAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var record in AuditStoreCommands.ReadRecordsAsync(connection, afterSequence, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    public async IAsyncEnumerable<StoredAuditCheckpoint> ReadCheckpointsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var checkpoint in AuditStoreCommands.ReadCheckpointsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            yield return checkpoint;
        }
    }
}
