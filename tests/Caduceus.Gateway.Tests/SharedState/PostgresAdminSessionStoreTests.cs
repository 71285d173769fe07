using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.AdminMfa;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The admin session contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresAdminSessionStoreTests : AdminSessionStoreContractTests
{
    private SharedStateTestDatabase? _database;

    private protected override async Task<IAdminSessionStore> OpenStoreAsync()
    {
        _database = await SharedStateTestDatabase.CreateAsync();
        return new PostgresAdminSessionStore(_database.Database);
    }

    private protected override ValueTask CloseAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
