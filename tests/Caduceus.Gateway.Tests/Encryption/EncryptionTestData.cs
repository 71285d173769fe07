using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.Gateway.Vault;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Tests.Encryption;

internal static class EncryptionTestData
{
    public static VaultKey KeyC { get; } = new([.. Enumerable.Range(201, 32).Select(i => (byte)i)]);

    public static IMasterKey MasterA { get; } = new LocalMasterKey(VaultTestData.KeyA, "test key A");

    public static IMasterKey MasterB { get; } = new LocalMasterKey(VaultTestData.KeyB, "test key B");

    public static IMasterKey MasterC { get; } = new LocalMasterKey(KeyC, "test key C");

    public static DataKeyring Open(GatewayDatabase database, IMasterKey master, VaultKey? legacy = null) =>
        Open(database, new MasterKeySet(master), legacy);

    public static DataKeyring Open(GatewayDatabase database, MasterKeySet masterKeys, VaultKey? legacy = null) =>
        DataKeyringLoader.Open(database, masterKeys, () => legacy, TimeProvider.System);

    public static int Rotate(GatewayDatabase database, IMasterKey current, IMasterKey next) =>
        MasterKeyRotation.Rotate(database, new MasterKeySet(current), next, () => null, TimeProvider.System);

    /// <summary>Every purpose's data key, to compare keyrings.</summary>
    public static byte[][] Keys(DataKeyring keyring) => [.. DataKeyPurposes.All.Select(keyring.KeyFor)];

    /// <summary>Purpose and master key id of every stored data key.</summary>
    public static List<(string Purpose, string MasterKeyId)> Rows(GatewayDatabase database)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT purpose, master_key_id FROM data_keys ORDER BY purpose";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    public static void Execute(GatewayDatabase database, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    public static byte[] WrappedKey(GatewayDatabase database, string purpose)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT wrapped_key FROM data_keys WHERE purpose = $purpose";
        command.Parameters.AddWithValue("$purpose", purpose);
        return (byte[])command.ExecuteScalar()!;
    }

    /// <summary>The database file and its write-ahead log, as they lie on disk.</summary>
    public static byte[] RawDatabaseBytes(GatewayDatabase database)
    {
        SqliteConnection.ClearAllPools();
        var bytes = new List<byte>();
        foreach (var suffix in new[] { string.Empty, "-wal" })
        {
            var path = database.FilePath + suffix;
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes.AddRange(copy.ToArray());
            }
        }

        return [.. bytes];
    }

    public static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public static string WriteKeyFile(string directory, VaultKey key, string name)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, key.ToBase64() + "\n");
        return path;
    }
}
