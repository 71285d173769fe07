using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Tests.Incidents;

public sealed class SqliteIncidentStoreTests : IncidentStoreContractTests, IDisposable
{
    private readonly SqliteIncidentStoresFixture _fixture = new();

    private protected override IIncidentStore Store => new SqliteIncidentStore(_fixture.Database);

    private protected override IIncidentStore OpenSecondStore() => new SqliteIncidentStore(_fixture.Open());

    public void Dispose() => _fixture.Dispose();
}
