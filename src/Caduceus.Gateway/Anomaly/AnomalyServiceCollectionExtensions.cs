using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// Registers anomaly detection: the state store (Redis when <c>Anomaly:Redis</c> is set, else in memory), the
/// detector, and an observer in front of the audit trail. Call after the audit trail is registered.
/// </summary>
internal static class AnomalyServiceCollectionExtensions
{
    public static IServiceCollection AddAnomalyDetection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AnomalyOptions.SectionName).Get<AnomalyOptions>() ?? new AnomalyOptions();
        services.AddSingleton(options);
        services.AddSingleton<IValidateOptions<GatewayOptions>, AnomalyOptionsValidator>();
        if (!options.Enabled)
        {
            return services;
        }

        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            services.AddSingleton<IAnomalyStateStore, InMemoryAnomalyStateStore>();
        }
        else
        {
            // The gateway starts while Redis is down and reconnects; detection logs failures meanwhile.
            var redis = ConfigurationOptions.Parse(options.Redis);
            redis.AbortOnConnectFail = false;
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
            services.AddSingleton<IAnomalyStateStore>(sp => new RedisAnomalyStateStore(sp.GetRequiredService<IConnectionMultiplexer>(), options.RedisKeyPrefix));
        }

        services.AddSingleton<AnomalyDetector>();
        services.AddSingleton<AnomalyObservationQueue>();
        services.AddHostedService<AnomalyDetectionService>();
        services.AddHttpContextAccessor();
        ObserveAuditLog(services);
        return services;
    }

    private static void ObserveAuditLog(IServiceCollection services)
    {
        var audit = services.LastOrDefault(d => d.ServiceType == typeof(IAuditLog))
            ?? throw new InvalidOperationException("Register the audit trail before anomaly detection.");
        services.Remove(audit);
        services.AddSingleton<IAuditLog>(sp => new AnomalyObservingAuditLog(
            Resolve(sp, audit),
            sp.GetRequiredService<AnomalyObservationQueue>(),
            sp.GetRequiredService<IHttpContextAccessor>(),
            sp.GetRequiredService<FindingValueHasher>()));
    }

    private static IAuditLog Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IAuditLog)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
