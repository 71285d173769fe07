using Caduceus.Gateway.Tests.Keys;
using Caduceus.Gateway.WebConsole.Passkeys;

namespace Caduceus.Gateway.Tests.WebConsole.Passkeys;

public sealed class SqliteConsolePasskeyStoreTests : ConsolePasskeyStoreContractTests
{
    private readonly KeyStoreFixture _fixture = new();

    private protected override Task<IConsolePasskeyStore> OpenStoreAsync() => Task.FromResult<IConsolePasskeyStore>(new SqliteConsolePasskeyStore(_fixture.Database));

    private protected override ValueTask CloseAsync()
    {
        _fixture.Dispose();
        return ValueTask.CompletedTask;
    }
}
