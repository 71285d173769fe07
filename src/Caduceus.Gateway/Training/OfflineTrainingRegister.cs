using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Training;

/// <summary>
/// The training register for tools that act on the gateway's database without running it (the CLI): the gateway's
/// own store, standings and change log on the same database and audit trail, so a change made here is audited like
/// one made through the admin API. Security events raised here reach no sink: only a running gateway exports events.
/// </summary>
public sealed class OfflineTrainingRegister : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public OfflineTrainingRegister(GatewayOptions options, TrainingOptions training, GatewayDatabase database, TimeProvider timeProvider)
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
        services.AddSingleton<ITrainingStore, SqliteTrainingStore>();
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
