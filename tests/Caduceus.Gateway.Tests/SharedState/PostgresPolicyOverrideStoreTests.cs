using Caduceus.Gateway.Policies;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Audit;
using Caduceus.Gateway.Tests.Policies;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The policy override contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresPolicyOverrideStoreTests : PolicyOverrideStoreContractTests, IAsyncLifetime
{
    private readonly List<PostgresStateDatabase> _databases = [];
    private PostgresTestServer? _server;
    private IPolicyOverrideStore? _store;

    private protected override IPolicyOverrideStore Store => _store!;

    public async ValueTask InitializeAsync()
    {
        _server = await PostgresTestServer.CreateDatabaseAsync();
        _store = OpenSecondStore();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await _server!.DisposeAsync();
    }

    private protected override IPolicyOverrideStore OpenSecondStore()
    {
        var database = new PostgresStateDatabase(_server!.ConnectionString);
        _databases.Add(database);
        return new PostgresPolicyOverrideStore(database);
    }
}
