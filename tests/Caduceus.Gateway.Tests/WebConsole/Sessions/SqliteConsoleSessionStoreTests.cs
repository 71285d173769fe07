using Caduceus.Gateway.Tests.Keys;
using Caduceus.Gateway.WebConsole.Sessions;

namespace Caduceus.Gateway.Tests.WebConsole.Sessions;

public sealed class SqliteConsoleSessionStoreTests : ConsoleSessionStoreContractTests
{
    private readonly KeyStoreFixture _fixture = new();

    private protected override Task<IConsoleSessionStore> OpenStoreAsync() => Task.FromResult<IConsoleSessionStore>(new SqliteConsoleSessionStore(_fixture.Database));

    private protected override ValueTask CloseAsync()
    {
        _fixture.Dispose();
        return ValueTask.CompletedTask;
    }
}
