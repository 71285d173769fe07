using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Drills;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Compliance;

/// <summary>Generates compliance reports from the gateway's configuration and records (read-only).</summary>
public sealed class ComplianceReporter
{
    private readonly ComplianceStateReader _reader;
    private readonly string _configurationSource;

    internal ComplianceReporter(ComplianceStateReader reader, string configurationSource)
    {
        _reader = reader;
        _configurationSource = configurationSource;
    }

    /// <summary>
    /// A reporter over the gateway database in the configured data directory, as the CLI opens it (no running gateway
    /// needed). Training and scheduled drill results report no records until their modules provide them.
    /// </summary>
    public static ComplianceReporter ForDatabase(IConfiguration configuration, GatewayDatabase database, TimeProvider clock, string configurationSource)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        if (configuration.GetSection(SharedStateOptions.SectionName).Get<SharedStateOptions>() is { UsesPostgres: true })
        {
            // Reading this instance's SQLite key store would report on keys the fleet does not use.
            throw new InvalidOperationException(
                "State:Store is 'postgres', so client keys live in the shared database; get this report from a running gateway (GET /admin/reports/FRAMEWORK).");
        }

        var reader = new ComplianceStateReader(
            configuration,
            database,
            new SqliteApiKeyStore(database, clock),
            new SqliteMfaFactorStore(database),
            new SqliteIncidentStore(database),
            new SqliteDrillStore(database),
            new SqliteModelInventory(database, clock),
            new TrainingRegisterEvidence(new TrainingRecords(
                new SqliteTrainingStore(database, clock),
                Options.Create(configuration.GetSection(TrainingOptions.SectionName).Get<TrainingOptions>() ?? new TrainingOptions()),
                clock)),
            new ScheduledDrillEvidence(new SqliteDrillResultStore(database)),
            runningMasterKey: null,
            clock);
        return new ComplianceReporter(reader, configurationSource);
    }

    /// <exception cref="InvalidOperationException">The configuration cannot be bound.</exception>
    public async Task<ComplianceReport> CreateAsync(ComplianceFramework framework, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var state = await _reader.ReadAsync(cancellationToken);
        return new ComplianceReport(framework, state.Now, _configurationSource, state.PeriodStart, framework.Evaluate(state));
    }
}
