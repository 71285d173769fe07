using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.AdminMfa;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The passkey ceremony contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresWebAuthnCeremonyStoreTests : WebAuthnCeremonyStoreContractTests
{
    private SharedStateTestDatabase? _database;

    private protected override async Task<IWebAuthnCeremonyStore> OpenStoreAsync()
    {
        _database = await SharedStateTestDatabase.CreateAsync();
        return new PostgresWebAuthnCeremonyStore(_database.Database);
    }

    private protected override ValueTask CloseAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
