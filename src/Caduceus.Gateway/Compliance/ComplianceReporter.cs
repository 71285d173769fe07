using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Compliance;

/// <summary>Generates compliance reports from the gateway's configuration and records (read-only).</summary>
public sealed class ComplianceReporter : IAsyncDisposable
{
    private readonly ComplianceStateReader _reader;
    private readonly string _configurationSource;
    private readonly IAsyncDisposable? _owned;

    internal ComplianceReporter(ComplianceStateReader reader, string configurationSource, IAsyncDisposable? owned = null)
    {
        _reader = reader;
        _configurationSource = configurationSource;
        _owned = owned;
    }

    /// <summary>
    /// A reporter over the records the configuration selects, as the CLI opens them (no running gateway needed): the
    /// gateway database in the configured data directory, or under <c>State:Store = postgres</c> the shared database,
    /// so it reports what a running gateway on the same configuration reports. Dispose it to close the shared database.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>State:Store</c> is postgres without a connection string.</exception>
    public static ComplianceReporter ForDatabase(IConfiguration configuration, GatewayDatabase database, TimeProvider clock, string configurationSource)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        var state = configuration.GetSection(SharedStateOptions.SectionName).Get<SharedStateOptions>() ?? new SharedStateOptions();
        if (state.UsesPostgres && string.IsNullOrWhiteSpace(state.ConnectionString))
        {
            throw new InvalidOperationException("State:Store is 'postgres' but State:ConnectionString is not set.");
        }

        var shared = state.UsesPostgres ? new PostgresStateDatabase(state.ConnectionString!) : null;
        var sources = ComplianceSources.Select(database, shared, clock);
        var reader = new ComplianceStateReader(
            configuration,
            sources,
            new TrainingRegisterEvidence(new TrainingRecords(
                sources.Training,
                Options.Create(configuration.GetSection(TrainingOptions.SectionName).Get<TrainingOptions>() ?? new TrainingOptions()),
                clock)),
            new ScheduledDrillEvidence(sources.DrillResults),
            runningMasterKey: null,
            clock);
        return new ComplianceReporter(reader, configurationSource, shared);
    }

    /// <exception cref="InvalidOperationException">The configuration cannot be bound.</exception>
    public async Task<ComplianceReport> CreateAsync(ComplianceFramework framework, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var state = await _reader.ReadAsync(cancellationToken);
        return new ComplianceReport(framework, state.Now, _configurationSource, state.PeriodStart, framework.Evaluate(state));
    }

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
