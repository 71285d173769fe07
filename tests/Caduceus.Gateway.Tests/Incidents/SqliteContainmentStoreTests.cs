using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Tests.Incidents;

public sealed class SqliteContainmentStoreTests : ContainmentStoreContractTests, IDisposable
{
    private readonly SqliteIncidentStoresFixture _fixture = new();

    private protected override IContainmentStore Store => new SqliteContainmentStore(_fixture.Database);

    private protected override IContainmentStore OpenSecondStore() => new SqliteContainmentStore(_fixture.Open());

    public void Dispose() => _fixture.Dispose();
}
