using Caduceus.Gateway.Keys;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Audit;
using Caduceus.Gateway.Tests.Keys;
using Npgsql;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The key store contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresApiKeyStoreTests : ApiKeyStoreContractTests<PostgresApiKeyStore>, IAsyncLifetime
{
    private PostgresTestServer? _server;
    private PostgresStateDatabase? _database;
    private PostgresStateDatabase? _second;
    private PostgresApiKeyStore? _store;

    private protected override PostgresApiKeyStore Store => _store!;

    public async ValueTask InitializeAsync()
    {
        _server = await PostgresTestServer.CreateDatabaseAsync();
        _database = new PostgresStateDatabase(_server.ConnectionString);
        _store = new PostgresApiKeyStore(_database, Clock);
    }

    public async ValueTask DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await _database!.DisposeAsync();
        await _server!.DisposeAsync();
    }

    private protected override async Task<byte[]> StoredBytesAsync()
    {
        await using var connection = new NpgsqlConnection(_server!.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT k::text, key_hash FROM api_keys k", connection);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        using var bytes = new MemoryStream();
        while (await reader.ReadAsync(Cancel))
        {
            bytes.Write(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0)));
            bytes.Write(reader.GetFieldValue<byte[]>(1));
        }

        return bytes.ToArray();
    }

    private protected override IApiKeyStore OpenSecondStore()
    {
        _second = new PostgresStateDatabase(_server!.ConnectionString);
        return new PostgresApiKeyStore(_second, TimeProvider.System);
    }
}
