using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Audit;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>A fresh database on the test PostgreSQL server, opened as the gateway opens its shared state.</summary>
internal sealed class SharedStateTestDatabase : IAsyncDisposable
{
    private readonly PostgresTestServer _server;

    private SharedStateTestDatabase(PostgresTestServer server)
    {
        _server = server;
        Database = new PostgresStateDatabase(server.ConnectionString);
    }

    public PostgresStateDatabase Database { get; }

    public string ConnectionString => _server.ConnectionString;

    public static async Task<SharedStateTestDatabase> CreateAsync() => new(await PostgresTestServer.CreateDatabaseAsync());

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await _server.DisposeAsync();
    }
}
