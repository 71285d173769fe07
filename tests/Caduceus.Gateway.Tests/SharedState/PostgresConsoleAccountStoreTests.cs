using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.WebConsole.Accounts;
using Caduceus.Gateway.WebConsole.Accounts;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The console account contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresConsoleAccountStoreTests : ConsoleAccountStoreContractTests
{
    private SharedStateTestDatabase? _database;

    private protected override async Task<IConsoleAccountStore> OpenStoreAsync()
    {
        _database = await SharedStateTestDatabase.CreateAsync();
        return new PostgresConsoleAccountStore(_database.Database);
    }

    private protected override ValueTask CloseAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
