using Caduceus.Gateway.Drills;
using Caduceus.Gateway.Tests.Incidents;

namespace Caduceus.Gateway.Tests.Drills;

public sealed class SqliteDrillResultStoreTests : DrillResultStoreContractTests, IDisposable
{
    private readonly SqliteIncidentStoresFixture _fixture = new();

    private protected override IDrillResultStore Store => new SqliteDrillResultStore(_fixture.Database);

    public void Dispose() => _fixture.Dispose();
}
