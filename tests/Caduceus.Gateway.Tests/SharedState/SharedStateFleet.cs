using System.Security.Cryptography;
using System.Text;
using Caduceus.Gateway.Tests.Audit;
using Caduceus.Gateway.Tests.Encryption;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Vault;
using Npgsql;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>
/// What the gateway instances of one test fleet share (<c>State:Store = postgres</c>): a fresh PostgreSQL database,
/// one master key, and one audit finding key, under which source addresses are hashed, so a block placed through one
/// instance matches on the others.
/// </summary>
internal sealed class SharedStateFleet : IAsyncDisposable
{
    private readonly PostgresTestServer _server;

    private SharedStateFleet(PostgresTestServer server, string directory)
    {
        _server = server;
        Directory = directory;
        MasterKeyFile = EncryptionTestData.WriteKeyFile(directory, VaultTestData.KeyA, "master.key");
        FindingKeyFile = Path.Combine(directory, "finding.key");
        File.WriteAllText(FindingKeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
    }

    public string ConnectionString => _server.ConnectionString;

    /// <summary>A scratch directory of the fleet's own (key files, scripts), deleted with it.</summary>
    public string Directory { get; }

    public string MasterKeyFile { get; }

    public string FindingKeyFile { get; }

    public static async Task<SharedStateFleet> CreateAsync() =>
        new(await PostgresTestServer.CreateDatabaseAsync(), System.IO.Directory.CreateTempSubdirectory("caduceus-fleet-").FullName);

    /// <summary>The settings every instance of the fleet needs, with <paramref name="more"/> added or overriding them.</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["State:Store"] = "postgres",
            ["State:ConnectionString"] = ConnectionString,
            ["Encryption:MasterKeyFile"] = MasterKeyFile,
            ["Audit:FindingKeyFile"] = FindingKeyFile,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public Task<GatewayHarness> StartInstanceAsync(IReadOnlyDictionary<string, string?>? more = null) =>
        GatewayHarness.StartAsync(settings: Settings(more));

    /// <summary>Every row of the named shared tables as text, to search for what must never be stored in plain text.</summary>
    public async Task<string> TablesAsTextAsync(params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var sql = new StringBuilder("SELECT ''");
        foreach (var table in tables)
        {
            if (table.Length == 0 || !table.All(c => c is (>= 'a' and <= 'z') or '_'))
            {
                throw new ArgumentException($"'{table}' is not a table name.", nameof(tables));
            }

            sql.Append(" || coalesce((SELECT string_agg(row_text::text, ' ') FROM ").Append(table).Append(" row_text), '')");
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql.ToString(), connection);
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>The single value a query of the shared database returns (a count, a stored fingerprint).</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
