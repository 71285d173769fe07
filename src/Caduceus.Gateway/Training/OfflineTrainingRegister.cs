using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Training;

/// <summary>
/// The training register for tools that act on the gateway's database without running it (the CLI): the gateway's
/// own store (in the shared database under <c>State:Store = postgres</c>), standings and change log on the same
/// database and audit trail, so a change made here is audited like one made through the admin API. Security events
/// raised here reach no sink: only a running gateway exports events.
/// </summary>
public sealed class OfflineTrainingRegister : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <summary>The register in <paramref name="sharedState"/> under <c>State:Store = postgres</c> (else null), otherwise in <paramref name="database"/>.</summary>
    public OfflineTrainingRegister(GatewayOptions options, TrainingOptions training, GatewayDatabase database, PostgresStateDatabase? sharedState, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(Options.Create(training));
        services.AddSingleton(database);
        services.AddLogging();
        services.AddAuditTrail();
        services.AddSingleton(sp => new SecurityEventBus([], sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITrainingStore>(sp => sharedState is null
            ? new SqliteTrainingStore(database, timeProvider)
            : new PostgresTrainingStore(sharedState, timeProvider));
        services.AddSingleton<TrainingRecords>();
        services.AddSingleton<TrainingChangeLog>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public ITrainingStore Store => _services.GetRequiredService<ITrainingStore>();

    public TrainingRecords Records => _services.GetRequiredService<TrainingRecords>();

    public TrainingChangeLog ChangeLog => _services.GetRequiredService<TrainingChangeLog>();

    public IAuditLog AuditLog => _services.GetRequiredService<IAuditLog>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
