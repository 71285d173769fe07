using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.SharedState;

namespace Caduceus.Cli.Commands.Models;

/// <summary>The gateway's model inventory as a <c>models</c> verb sees it: <see cref="KeyStoreSession"/>'s configuration, database (the shared one under <c>State:Store = postgres</c>) and error handling.</summary>
internal sealed class ModelInventorySession(GatewayOptions options, IModelInventory inventory)
{
    public GatewayOptions Options { get; } = options;

    public IModelInventory Inventory { get; } = inventory;

    public static DateOnly Today => DateOnly.FromDateTime(KeyStoreSession.Clock.GetUtcNow().UtcDateTime);

    public static Task<int> RunAsync(FileInfo? configFile, Func<ModelInventorySession, Task<int>> action) =>
        KeyStoreSession.RunAsync(configFile, session =>
            action(new ModelInventorySession(session.Options, Open(session))));

    private static IModelInventory Open(KeyStoreSession session) => session.SharedState is null
        ? new SqliteModelInventory(session.Database, KeyStoreSession.Clock)
        : new PostgresModelInventory(session.SharedState, KeyStoreSession.Clock);
}
