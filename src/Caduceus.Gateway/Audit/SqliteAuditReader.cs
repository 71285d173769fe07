using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Audit;

/// <summary>Reads an SQLite audit database (read-only; safe beside a running gateway thanks to WAL).</summary>
public sealed class SqliteAuditReader(string databasePath) : IAuditReader
{
    public async IAsyncEnumerable<StoredAuditRecord> ReadAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"There is no audit database at '{databasePath}'.");
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, record, prev_hash, hash FROM audit_records WHERE seq > $after ORDER BY seq";
        command.Parameters.AddWithValue("$after", afterSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredAuditRecord(reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3));
        }
    }
}
