using Caduceus.Events;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Caduceus.Gateway.Incidents;

/// <summary>Registers incident response: playbooks (validated at start-up), the stores, containment and the worker.</summary>
internal static class IncidentServiceCollectionExtensions
{
    public static IServiceCollection AddIncidentResponse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IncidentOptions>().Bind(configuration.GetSection(IncidentOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IncidentOptions>, IncidentOptionsValidator>();
        services.AddSingleton<IncidentPlaybooks>();
        services.AddContainment();
        services.AddSingleton<IPlaybookWindows>(sp => sp.GetRequiredService<IOptions<IncidentOptions>>().Value is { Redis: { Length: > 0 } redis } options
            ? new RedisPlaybookWindows(ConnectRedis(redis), options.RedisKeyPrefix)
            : new InMemoryPlaybookWindows());
        services.AddSingleton<IncidentInbox>();
        services.AddSingleton<ISecurityEventSink, IncidentEventSink>();
        services.AddHostedService<IncidentWorker>();
        services.AddHostedService<BreachClockService>();
        return services;
    }

    private static ConnectionMultiplexer ConnectRedis(string connectionString)
    {
        // The gateway starts while Redis is down and reconnects; meanwhile each instance counts its own events.
        var redis = ConfigurationOptions.Parse(connectionString);
        redis.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(redis);
    }

    /// <summary>
    /// What acting on incidents needs, for the gateway and for tools that work on its database without running it
    /// (<see cref="OfflineIncidentResponse"/>): the stores, the containment actions, the responder and lifting.
    /// The stores live in the shared PostgreSQL database when one is registered (<c>State:Store = postgres</c>), so a
    /// block placed anywhere is enforced everywhere; otherwise in the gateway's SQLite database.
    /// </summary>
    internal static IServiceCollection AddContainment(this IServiceCollection services)
    {
        services.AddSingleton<IIncidentStore>(sp => sp.GetService<PostgresStateDatabase>() is { } shared
            ? new PostgresIncidentStore(shared)
            : new SqliteIncidentStore(sp.GetRequiredService<GatewayDatabase>()));
        services.AddSingleton<IContainmentStore>(sp => sp.GetService<PostgresStateDatabase>() is { } shared
            ? new PostgresContainmentStore(shared)
            : new SqliteContainmentStore(sp.GetRequiredService<GatewayDatabase>()));
        services.AddSingleton<IDrillStore>(sp => sp.GetService<PostgresStateDatabase>() is { } shared
            ? new PostgresDrillStore(shared)
            : new SqliteDrillStore(sp.GetRequiredService<GatewayDatabase>()));
        services.AddSingleton<ActiveContainment>();
        services.AddSingleton<ContainmentBlocks>();
        services.AddSingleton(sp => new ContainmentLifting(
            sp.GetRequiredService<IContainmentStore>(),
            sp.GetRequiredService<IIncidentStore>(),
            sp.GetRequiredService<Audit.IAuditLog>(),
            sp.GetRequiredService<ActiveContainment>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IContainmentAction, RevokeKeyAction>();
        services.AddSingleton<IContainmentAction, SuspendKeyAction>();
        services.AddSingleton<IContainmentAction, DisableApplicationAction>();
        services.AddSingleton<IContainmentAction, BlockAddressAction>();
        services.AddSingleton<IContainmentAction, StrictPolicyAction>();
        services.AddSingleton<IContainmentAction, DisableToolsAction>();
        services.AddSingleton<IContainmentAction, ForceReverificationAction>();
        services.AddSingleton<IncidentResponder>();
        services.AddSingleton<DrillRegistry>();
        return services;
    }
}
