using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.WebConsole.Sessions;
using Caduceus.Gateway.WebConsole.Sessions;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The console session contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresConsoleSessionStoreTests : ConsoleSessionStoreContractTests
{
    private SharedStateTestDatabase? _database;

    private protected override async Task<IConsoleSessionStore> OpenStoreAsync()
    {
        _database = await SharedStateTestDatabase.CreateAsync();
        return new PostgresConsoleSessionStore(_database.Database);
    }

    private protected override ValueTask CloseAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
