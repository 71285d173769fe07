using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.ThreatIntel;
using Caduceus.Gateway.ThreatIntel;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The TAXII feed store contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresThreatFeedStoreTests : ThreatFeedStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStateFixture _fixture = new();

    private protected override IThreatFeedStore Store => new PostgresThreatFeedStore(_fixture.Database);

    private protected override IThreatFeedStore OpenSecondStore() => new PostgresThreatFeedStore(_fixture.OpenSecond());

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();
}
