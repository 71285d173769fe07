using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Incidents;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The incident store contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresIncidentStoreTests : IncidentStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStateFixture _fixture = new();

    private protected override IIncidentStore Store => new PostgresIncidentStore(_fixture.Database);

    private protected override IIncidentStore OpenSecondStore() => new PostgresIncidentStore(_fixture.OpenSecond());

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();
}
