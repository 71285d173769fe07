using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.ThreatIntel;
using Caduceus.Gateway.ThreatIntel;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The threat indicator store contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresThreatIndicatorStoreTests : ThreatIndicatorStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStateFixture _fixture = new();

    private protected override IThreatIndicatorStore Store => new PostgresThreatIndicatorStore(_fixture.Database);

    private protected override IThreatIndicatorStore OpenSecondStore() => new PostgresThreatIndicatorStore(_fixture.OpenSecond());

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();
}
