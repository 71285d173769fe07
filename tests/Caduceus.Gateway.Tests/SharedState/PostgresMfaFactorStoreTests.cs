using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.AdminMfa;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The admin MFA factor contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresMfaFactorStoreTests : MfaFactorStoreContractTests
{
    private SharedStateTestDatabase? _database;

    private protected override async Task<IMfaFactorStore> OpenStoreAsync()
    {
        _database = await SharedStateTestDatabase.CreateAsync();
        return new PostgresMfaFactorStore(_database.Database);
    }

    private protected override ValueTask CloseAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
