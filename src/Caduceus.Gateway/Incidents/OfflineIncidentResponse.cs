using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Incident response for tools that act on the gateway's database without running it (the CLI): the gateway's own
/// registrations of the stores, actions, responder and lifting, on the same database and audit trail, so running
/// gateways pick the effect up within a second and the audit trail records it like an order given through the admin
/// API. Given the shared state database (<c>State:Store = postgres</c>), the incidents, blocks and drills are the
/// shared ones every instance enforces. Security events raised here reach no sink: only a running gateway exports events.
/// </summary>
public sealed class OfflineIncidentResponse : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public OfflineIncidentResponse(GatewayOptions options, GatewayDatabase database, IApiKeyStore keys, TimeProvider timeProvider, PostgresStateDatabase? sharedState = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(Options.Create(options.Incidents));
        services.AddSingleton(database);
        services.AddSingleton(keys);
        if (sharedState is not null)
        {
            services.AddSingleton(sharedState);
        }

        services.AddLogging();
        services.AddAuditTrail();
        services.AddSingleton(sp => new SecurityEventBus([], sp.GetRequiredService<TimeProvider>()));
        services.AddContainment();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public IIncidentStore Incidents => _services.GetRequiredService<IIncidentStore>();

    public IDrillStore Drills => _services.GetRequiredService<IDrillStore>();

    public DrillRegistry DrillRegistry => _services.GetRequiredService<DrillRegistry>();

    public IncidentResponder Responder => _services.GetRequiredService<IncidentResponder>();

    public ContainmentLifting Lifting => _services.GetRequiredService<ContainmentLifting>();

    public IAuditLog AuditLog => _services.GetRequiredService<IAuditLog>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
