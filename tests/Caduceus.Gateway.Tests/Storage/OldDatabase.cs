using System.Globalization;
using Caduceus.Gateway.Keys;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Tests.Storage;

/// <summary>Writes a database exactly as the first release did (no user_version, the four-column key table) with one key.</summary>
internal static class OldDatabase
{
    public const string KeyId = "key_0123456789abcdef";

    public static async Task CreateAsync(string directory, string secret)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "caduceus.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS api_keys (
                id          TEXT PRIMARY KEY,
                key_hash    BLOB NOT NULL UNIQUE,
                application TEXT NOT NULL,
                created_at  TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS pseudonyms (
                scope       BLOB NOT NULL,
                token       TEXT NOT NULL,
                entity_type TEXT NOT NULL,
                lookup      BLOB NOT NULL,
                value       BLOB NOT NULL,
                expires_at  INTEGER NOT NULL,
                PRIMARY KEY (scope, token),
                UNIQUE (scope, lookup)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS pseudonyms_expires_at ON pseudonyms (expires_at);
            INSERT INTO api_keys (id, key_hash, application, created_at) VALUES ($id, $hash, 'default', $created);
            """;
        command.Parameters.AddWithValue("$id", KeyId);
        command.Parameters.AddWithValue("$hash", ApiKeySecrets.Hash(secret));
        command.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync();
        SqliteConnection.ClearAllPools();
    }
}
