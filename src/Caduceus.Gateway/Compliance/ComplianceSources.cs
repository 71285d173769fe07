using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Drills;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Training;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// The records a report is generated from, where the configuration keeps them (<c>State:Store</c>): the gateway's
/// SQLite database, or the PostgreSQL database every instance shares. The CLI and a running gateway given the same
/// configuration therefore report on the same records.
/// </summary>
internal sealed class ComplianceSources
{
    public required GatewayDatabase Database { get; init; }

    /// <summary>The shared database under <c>State:Store = postgres</c>, else null.</summary>
    public required PostgresStateDatabase? SharedState { get; init; }

    public required IApiKeyStore Keys { get; init; }

    public required IMfaFactorStore Factors { get; init; }

    public required IIncidentStore Incidents { get; init; }

    public required IDrillStore Drills { get; init; }

    public required IModelInventory Inventory { get; init; }

    public required ITrainingStore Training { get; init; }

    public required IDrillResultStore DrillResults { get; init; }

    /// <summary>Why no record can be read at all (the SQLite database was never created), or null. Read-only: never creates it.</summary>
    public string? Missing => SharedState is null && !File.Exists(Database.FilePath) ? $"there is no gateway database at '{Database.FilePath}'" : null;

    /// <summary>Every data key's purpose, wrapping master key id, origin and times; never the wrapped key.</summary>
    public async Task<IReadOnlyList<DataKeyStatus>> ReadDataKeysAsync(CancellationToken cancellationToken)
    {
        if (SharedState is not null)
        {
            return await PostgresDataKeyStatus.ReadAsync(SharedState, cancellationToken);
        }

        await using var connection = await Database.OpenAsync(cancellationToken);
        return await DataKeyStore.ReadStatusAsync(connection, cancellationToken);
    }

    /// <summary>The stores the gateway itself would use on <paramref name="sharedState"/> (when given) or <paramref name="database"/>.</summary>
    public static ComplianceSources Select(GatewayDatabase database, PostgresStateDatabase? sharedState, TimeProvider clock) => sharedState is null
        ? new ComplianceSources
        {
            Database = database,
            SharedState = null,
            Keys = new SqliteApiKeyStore(database, clock),
            Factors = new SqliteMfaFactorStore(database),
            Incidents = new SqliteIncidentStore(database),
            Drills = new SqliteDrillStore(database),
            Inventory = new SqliteModelInventory(database, clock),
            Training = new SqliteTrainingStore(database, clock),
            DrillResults = new SqliteDrillResultStore(database),
        }
        : new ComplianceSources
        {
            Database = database,
            SharedState = sharedState,
            Keys = new PostgresApiKeyStore(sharedState, clock),
            Factors = new PostgresMfaFactorStore(sharedState),
            Incidents = new PostgresIncidentStore(sharedState),
            Drills = new PostgresDrillStore(sharedState),
            Inventory = new PostgresModelInventory(sharedState, clock),
            Training = new PostgresTrainingStore(sharedState, clock),
            DrillResults = new PostgresDrillResultStore(sharedState),
        };
}
