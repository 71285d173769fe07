using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Encryption;

/// <summary>
/// Table <c>data_keys</c> of the gateway database: per purpose the wrapped data key, the id of the master key that
/// wrapped it, how it was made and when. Callers run these inside their own IMMEDIATE transaction.
/// </summary>
internal static class DataKeyStore
{
    public static List<WrappedDataKey> ReadAll(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Command(connection, transaction, "SELECT purpose, master_key_id, wrapped_key FROM data_keys ORDER BY purpose");
        using var reader = command.ExecuteReader();
        var keys = new List<WrappedDataKey>();
        while (reader.Read())
        {
            keys.Add(new WrappedDataKey(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
        }

        return keys;
    }

    /// <summary>Every data key's purpose, wrapping master key id, origin and times; never the wrapped key.</summary>
    public static async Task<List<DataKeyStatus>> ReadStatusAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT purpose, master_key_id, origin, created_at, wrapped_at FROM data_keys ORDER BY purpose";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<DataKeyStatus>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new DataKeyStatus(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return keys;
    }

    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, WrappedDataKey key, string origin, DateTimeOffset now)
    {
        using var command = Command(
            connection,
            transaction,
            "INSERT INTO data_keys (purpose, master_key_id, wrapped_key, origin, created_at, wrapped_at) VALUES ($purpose, $master, $wrapped, $origin, $now, $now)");
        command.Parameters.AddWithValue("$purpose", key.Purpose);
        command.Parameters.AddWithValue("$master", key.MasterKeyId);
        command.Parameters.AddWithValue("$wrapped", key.WrappedKey);
        command.Parameters.AddWithValue("$origin", origin);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    /// <summary>Replaces the wrapping of <paramref name="key"/>; false when the row was not wrapped by <paramref name="previousMasterKeyId"/>.</summary>
    public static bool Rewrap(SqliteConnection connection, SqliteTransaction transaction, WrappedDataKey key, string previousMasterKeyId, DateTimeOffset now)
    {
        using var command = Command(
            connection,
            transaction,
            "UPDATE data_keys SET master_key_id = $master, wrapped_key = $wrapped, wrapped_at = $now WHERE purpose = $purpose AND master_key_id = $previous");
        command.Parameters.AddWithValue("$purpose", key.Purpose);
        command.Parameters.AddWithValue("$master", key.MasterKeyId);
        command.Parameters.AddWithValue("$wrapped", key.WrappedKey);
        command.Parameters.AddWithValue("$previous", previousMasterKeyId);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>True when pseudonyms or TOTP seeds are stored: sealed before the keyring existed, with keys derived from the vault key.</summary>
    public static bool HoldsSealedData(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT EXISTS (SELECT 1 FROM pseudonyms) OR EXISTS (SELECT 1 FROM admin_mfa_factors WHERE totp_seed IS NOT NULL)");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
