using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Tests.Keys;

namespace Caduceus.Gateway.Tests.AdminMfa;

public sealed class SqliteAdminSessionStoreTests : AdminSessionStoreContractTests
{
    private readonly KeyStoreFixture _fixture = new();

    private protected override Task<IAdminSessionStore> OpenStoreAsync() => Task.FromResult<IAdminSessionStore>(new SqliteAdminSessionStore(_fixture.Database));

    private protected override ValueTask CloseAsync()
    {
        _fixture.Dispose();
        return ValueTask.CompletedTask;
    }
}
