using System.Security.Cryptography;
using Caduceus.Gateway.Encryption;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Opens the keyring kept in the shared database: every instance must unwrap the same data keys, or a conversation
/// pseudonymized on one could not be restored on another. The first instance creates them; the table lock makes
/// instances starting together agree on one set. All instances therefore need the same master key.
/// </summary>
public static class PostgresDataKeyringLoader
{
    /// <exception cref="EncryptionKeyException">A stored data key cannot be unwrapped with the configured master keys.</exception>
    public static DataKeyring Open(PostgresStateDatabase database, MasterKeySet masterKeys, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(masterKeys);
        ArgumentNullException.ThrowIfNull(timeProvider);

        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using (var lockTable = new NpgsqlCommand("LOCK TABLE data_keys IN EXCLUSIVE MODE", connection, transaction))
        {
            lockTable.ExecuteNonQuery();
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var wrapped in ReadAll(connection, transaction))
        {
            keys[wrapped.Purpose] = DataKeyWrapping.Unwrap(masterKeys, wrapped, database.Description);
        }

        foreach (var purpose in DataKeyPurposes.All.Where(purpose => !keys.ContainsKey(purpose)).ToList())
        {
            var dataKey = RandomNumberGenerator.GetBytes(DataKeyring.KeyLength);
            Insert(connection, transaction, DataKeyWrapping.Wrap(masterKeys.Current, purpose, dataKey), timeProvider.GetUtcNow());
            keys[purpose] = dataKey;
        }

        transaction.Commit();
        return new DataKeyring(keys);
    }

    private static List<WrappedDataKey> ReadAll(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand("SELECT purpose, master_key_id, wrapped_key FROM data_keys ORDER BY purpose", connection, transaction);
        using var reader = command.ExecuteReader();
        var keys = new List<WrappedDataKey>();
        while (reader.Read())
        {
            keys.Add(new WrappedDataKey(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
        }

        return keys;
    }

    private static void Insert(NpgsqlConnection connection, NpgsqlTransaction transaction, WrappedDataKey key, DateTimeOffset now)
    {
        using var command = new NpgsqlCommand(
            "INSERT INTO data_keys (purpose, master_key_id, wrapped_key, origin, created_at, wrapped_at) VALUES (@purpose, @master, @wrapped, @origin, @now, @now)",
            connection,
            transaction);
        command.Parameters.AddWithValue("purpose", key.Purpose);
        command.Parameters.AddWithValue("master", key.MasterKeyId);
        command.Parameters.AddWithValue("wrapped", key.WrappedKey);
        command.Parameters.AddWithValue("origin", DataKeyOrigin.Random);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }
}
