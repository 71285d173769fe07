using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Tests.Incidents;

public sealed class SqliteDrillStoreTests : DrillStoreContractTests, IDisposable
{
    private readonly SqliteIncidentStoresFixture _fixture = new();

    private protected override IDrillStore Store => new SqliteDrillStore(_fixture.Database);

    public void Dispose() => _fixture.Dispose();
}
