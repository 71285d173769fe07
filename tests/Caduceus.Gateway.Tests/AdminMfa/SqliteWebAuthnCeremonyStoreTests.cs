using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Tests.Keys;

namespace Caduceus.Gateway.Tests.AdminMfa;

public sealed class SqliteWebAuthnCeremonyStoreTests : WebAuthnCeremonyStoreContractTests
{
    private readonly KeyStoreFixture _fixture = new();

    private protected override Task<IWebAuthnCeremonyStore> OpenStoreAsync() => Task.FromResult<IWebAuthnCeremonyStore>(new SqliteWebAuthnCeremonyStore(_fixture.Database));

    private protected override ValueTask CloseAsync()
    {
        _fixture.Dispose();
        return ValueTask.CompletedTask;
    }
}
