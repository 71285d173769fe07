using Caduceus.Gateway.Tests.Incidents;
using Caduceus.Gateway.ThreatIntel;

namespace Caduceus.Gateway.Tests.ThreatIntel;

public sealed class SqliteThreatFeedStoreTests : ThreatFeedStoreContractTests, IDisposable
{
    private readonly SqliteIncidentStoresFixture _fixture = new();

    private protected override IThreatFeedStore Store => new SqliteThreatFeedStore(_fixture.Database);

    private protected override IThreatFeedStore OpenSecondStore() => new SqliteThreatFeedStore(_fixture.Open());

    public void Dispose() => _fixture.Dispose();
}
