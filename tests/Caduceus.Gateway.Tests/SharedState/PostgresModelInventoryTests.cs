using Caduceus.Gateway.Models;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Models;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The model inventory contract on the real PostgreSQL server the test script starts (never skipped).</summary>
public sealed class PostgresModelInventoryTests : ModelInventoryContractTests, IAsyncLifetime
{
    private readonly PostgresStateFixture _fixture = new();

    private protected override IModelInventory Inventory => new PostgresModelInventory(_fixture.Database, TimeProvider.System);

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private protected override IModelInventory OpenSecondInventory() => new PostgresModelInventory(_fixture.OpenSecond(), TimeProvider.System);
}
