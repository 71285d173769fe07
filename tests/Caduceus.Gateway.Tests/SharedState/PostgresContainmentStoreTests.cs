using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Incidents;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The containment store contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresContainmentStoreTests : ContainmentStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStateFixture _fixture = new();

    private protected override IContainmentStore Store => new PostgresContainmentStore(_fixture.Database);

    private protected override IContainmentStore OpenSecondStore() => new PostgresContainmentStore(_fixture.OpenSecond());

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();
}
