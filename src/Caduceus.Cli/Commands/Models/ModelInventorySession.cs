using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Models;

namespace Caduceus.Cli.Commands.Models;

/// <summary>The gateway's model inventory as a <c>models</c> verb sees it: <see cref="KeyStoreSession"/>'s configuration, database and error handling.</summary>
internal sealed class ModelInventorySession(GatewayOptions options, IModelInventory inventory)
{
    public GatewayOptions Options { get; } = options;

    public IModelInventory Inventory { get; } = inventory;

    public static DateOnly Today => DateOnly.FromDateTime(KeyStoreSession.Clock.GetUtcNow().UtcDateTime);

    public static Task<int> RunAsync(FileInfo? configFile, Func<ModelInventorySession, Task<int>> action) =>
        KeyStoreSession.RunAsync(configFile, session =>
            action(new ModelInventorySession(session.Options, new SqliteModelInventory(session.Database, KeyStoreSession.Clock))));
}
