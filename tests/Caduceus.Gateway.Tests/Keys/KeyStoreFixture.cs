using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Tests.Vault;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Keys;

/// <summary>A SQLite key store in a fresh directory, on a clock the test moves.</summary>
internal sealed class KeyStoreFixture : IDisposable
{
    public KeyStoreFixture(string? directory = null, ManualTimeProvider? clock = null)
    {
        Clock = clock ?? new ManualTimeProvider();
        Directory = directory ?? System.IO.Directory.CreateTempSubdirectory("caduceus-keys-").FullName;
        Database = new GatewayDatabase(Options.Create(new GatewayOptions { DataDirectory = Directory }));
        Store = new SqliteApiKeyStore(Database, Clock);
    }

    public string Directory { get; }

    public ManualTimeProvider Clock { get; }

    public GatewayDatabase Database { get; }

    public SqliteApiKeyStore Store { get; }

    public string DatabaseFile => Path.Combine(Directory, "caduceus.db");

    /// <summary>Opens a second store on the same database, as another process (the CLI) would.</summary>
    public static SqliteApiKeyStore OpenStore(string directory) =>
        new(new GatewayDatabase(Options.Create(new GatewayOptions { DataDirectory = directory })), TimeProvider.System);

    /// <summary>Runs SQL on the database directly, for what no API does (pretend a key is old).</summary>
    public static async Task ExecuteAsync(string directory, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "caduceus.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Makes a key look created <paramref name="age"/> ago (and never used since).</summary>
    public static Task BackdateAsync(string directory, string keyId, TimeSpan age) =>
        ExecuteAsync(
            directory,
            "UPDATE api_keys SET created_at = $at, last_used_at = NULL WHERE id = $id",
            ("$at", (DateTimeOffset.UtcNow - age).ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            ("$id", keyId));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
