using Caduceus.Gateway.Lockout;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Lockout;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The failure counter contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresFailureCounterStoreTests : FailureCounterStoreContractTests, IAsyncLifetime
{
    private readonly PostgresStateFixture _fixture = new();

    private protected override IFailureCounterStore Store => new PostgresFailureCounterStore(_fixture.Database, TimeProvider.System);

    private protected override IFailureCounterStore OpenSecondStore() => new PostgresFailureCounterStore(_fixture.OpenSecond(), TimeProvider.System);

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task An_unreachable_database_reports_the_counters_unavailable_instead_of_counting_nothing()
    {
        await using var down = new PostgresStateDatabase("Host=127.0.0.1;Port=1;Username=postgres;Timeout=1");
        var store = new PostgresFailureCounterStore(down, TimeProvider.System);

        var exception = await Assert.ThrowsAsync<FailureCountersUnavailableException>(() => store.RecordFailureAsync("ab12", TimeSpan.FromMinutes(1), Cancel).AsTask());

        Assert.Contains("cannot be reached", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Port=1", exception.Message, StringComparison.Ordinal);
    }
}
