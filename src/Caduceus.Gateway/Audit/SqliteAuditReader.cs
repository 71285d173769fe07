using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Audit;

/// <summary>Reads an SQLite audit database (read-only; safe beside a running gateway thanks to WAL).</summary>
public sealed class SqliteAuditReader(string databasePath) : IAuditReader
{
    public async IAsyncEnumerable<StoredAuditRecord> ReadAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var record in AuditStoreCommands.ReadRecordsAsync(connection, afterSequence, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    public async IAsyncEnumerable<StoredAuditCheckpoint> ReadCheckpointsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var checkpoint in AuditStoreCommands.ReadCheckpointsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            yield return checkpoint;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"There is no audit database at '{databasePath}'.");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
