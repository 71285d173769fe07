using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Incidents;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The drill store contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresDrillStoreTests : DrillStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStateFixture _fixture = new();

    private protected override IDrillStore Store => new PostgresDrillStore(_fixture.Database);

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();
}
