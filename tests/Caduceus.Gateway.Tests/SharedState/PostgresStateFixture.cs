using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Audit;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>A fresh PostgreSQL database with the shared state schema, and further handles on it as other instances open it.</summary>
internal sealed class PostgresStateFixture : IAsyncDisposable
{
    private readonly List<PostgresStateDatabase> _opened = [];
    private PostgresTestServer? _server;

    public PostgresStateDatabase Database => _opened[0];

    public async ValueTask InitializeAsync()
    {
        _server = await PostgresTestServer.CreateDatabaseAsync();
        OpenSecond();
    }

    /// <summary>Another <see cref="PostgresStateDatabase"/> on the same database, as another gateway instance or the CLI opens it.</summary>
    public PostgresStateDatabase OpenSecond()
    {
        var database = new PostgresStateDatabase(_server!.ConnectionString);
        _opened.Add(database);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
