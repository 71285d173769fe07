using Caduceus.Gateway.Drills;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Drills;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The drill result store contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresDrillResultStoreTests : DrillResultStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStateFixture _fixture = new();

    private protected override IDrillResultStore Store => new PostgresDrillResultStore(_fixture.Database);

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();
}
