using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Training;
using Caduceus.Gateway.Training;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The training register contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresTrainingStoreTests : TrainingStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStateFixture _fixture = new();

    private protected override ITrainingStore Store => new PostgresTrainingStore(_fixture.Database, Clock);

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();
}
