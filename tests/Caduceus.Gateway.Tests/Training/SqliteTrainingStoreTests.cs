using Caduceus.Gateway.Tests.Incidents;
using Caduceus.Gateway.Training;

namespace Caduceus.Gateway.Tests.Training;

public sealed class SqliteTrainingStoreTests : TrainingStoreContractTests, IDisposable
{
    private readonly SqliteIncidentStoresFixture _fixture = new();

    private protected override ITrainingStore Store => new SqliteTrainingStore(_fixture.Database, Clock);

    public void Dispose() => _fixture.Dispose();
}
