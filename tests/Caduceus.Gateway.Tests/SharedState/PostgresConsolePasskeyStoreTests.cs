using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.WebConsole.Passkeys;
using Caduceus.Gateway.WebConsole.Passkeys;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The console passkey contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresConsolePasskeyStoreTests : ConsolePasskeyStoreContractTests
{
    private SharedStateTestDatabase? _database;

    private protected override async Task<IConsolePasskeyStore> OpenStoreAsync()
    {
        _database = await SharedStateTestDatabase.CreateAsync();
        return new PostgresConsolePasskeyStore(_database.Database);
    }

    private protected override ValueTask CloseAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
