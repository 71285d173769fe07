using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// The audit database (<c>audit.db</c> in the data directory), kept apart from <c>caduceus.db</c> so its single
/// writer never waits on other stores' transactions and the file can be shipped or verified on its own.
/// </summary>
public static class AuditSchema
{
    public const string FileName = "audit.db";

    public static void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS audit_records (
                seq INTEGER PRIMARY KEY,
                record BLOB NOT NULL,
                prev_hash BLOB NOT NULL,
                hash BLOB NOT NULL
            );
            CREATE TABLE IF NOT EXISTS audit_checkpoints (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                seq INTEGER NOT NULL,
                hash BLOB NOT NULL,
                signed_at_ms INTEGER NOT NULL,
                signature BLOB NOT NULL
            );
            """;
        command.ExecuteNonQuery();
    }
}
