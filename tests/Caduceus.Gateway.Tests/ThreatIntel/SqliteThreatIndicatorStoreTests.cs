using Caduceus.Gateway.Tests.Incidents;
using Caduceus.Gateway.ThreatIntel;

namespace Caduceus.Gateway.Tests.ThreatIntel;

public sealed class SqliteThreatIndicatorStoreTests : ThreatIndicatorStoreContractTests, IDisposable
{
    private readonly SqliteIncidentStoresFixture _fixture = new();

    private protected override IThreatIndicatorStore Store => new SqliteThreatIndicatorStore(_fixture.Database);

    private protected override IThreatIndicatorStore OpenSecondStore() => new SqliteThreatIndicatorStore(_fixture.Open());

    public void Dispose() => _fixture.Dispose();
}
