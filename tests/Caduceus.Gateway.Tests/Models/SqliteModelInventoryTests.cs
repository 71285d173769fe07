using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.Storage;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Models;

public sealed class SqliteModelInventoryTests : ModelInventoryContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-models-").FullName;
    private readonly SqliteModelInventory _inventory;

    public SqliteModelInventoryTests() => _inventory = Open(_directory);

    private protected override IModelInventory Inventory => _inventory;

    private protected override IModelInventory OpenSecondInventory() => Open(_directory);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static SqliteModelInventory Open(string directory) =>
        new(new GatewayDatabase(Options.Create(new GatewayOptions { DataDirectory = directory })), TimeProvider.System);
}
