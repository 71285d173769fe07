using Caduceus.Gateway.Tests.Keys;
using Caduceus.Gateway.WebConsole.Accounts;

namespace Caduceus.Gateway.Tests.WebConsole.Accounts;

public sealed class SqliteConsoleAccountStoreTests : ConsoleAccountStoreContractTests
{
    private readonly KeyStoreFixture _fixture = new();

    private protected override Task<IConsoleAccountStore> OpenStoreAsync() => Task.FromResult<IConsoleAccountStore>(new SqliteConsoleAccountStore(_fixture.Database));

    private protected override ValueTask CloseAsync()
    {
        _fixture.Dispose();
        return ValueTask.CompletedTask;
    }
}
