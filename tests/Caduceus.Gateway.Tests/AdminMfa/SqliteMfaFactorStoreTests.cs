using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Tests.Keys;

namespace Caduceus.Gateway.Tests.AdminMfa;

public sealed class SqliteMfaFactorStoreTests : MfaFactorStoreContractTests
{
    private readonly KeyStoreFixture _fixture = new();

    private protected override Task<IMfaFactorStore> OpenStoreAsync() => Task.FromResult<IMfaFactorStore>(new SqliteMfaFactorStore(_fixture.Database));

    private protected override ValueTask CloseAsync()
    {
        _fixture.Dispose();
        return ValueTask.CompletedTask;
    }
}
