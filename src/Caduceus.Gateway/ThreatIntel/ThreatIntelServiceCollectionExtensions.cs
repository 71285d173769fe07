using Caduceus.Gateway.Siem;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>Registers threat intelligence: sightings and their store, the STIX export, and the TAXII feeds (validated at start-up).</summary>
internal static class ThreatIntelServiceCollectionExtensions
{
    public static IServiceCollection AddThreatIntel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ThreatIntelOptions>().Bind(configuration.GetSection(ThreatIntelOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ThreatIntelOptions>, ThreatIntelOptionsValidator>();

        // Under State:Store = postgres, AddSharedState has already registered the shared stores and the fleet's feed lock.
        services.TryAddSingleton<IThreatIndicatorStore, SqliteThreatIndicatorStore>();
        services.TryAddSingleton<IThreatFeedStore, SqliteThreatFeedStore>();
        services.TryAddSingleton<IThreatFeedPollLock, LocalThreatFeedPollLock>();
        services.AddSingleton<ThreatSightings>();
        services.AddHostedService<ThreatSightingWriter>();
        services.AddSingleton<KnownAttackPayloads>();
        services.AddSingleton<TaxiiClient>();
        services.AddSingleton<TaxiiFeedImporter>();
        services.AddSingleton<TaxiiFeedPuller>();
        services.AddHostedService<TaxiiFeedPoller>();
        services.AddHttpClient(TaxiiClient.HttpClientName, client => client.MaxResponseContentBufferSize = TaxiiClient.MaxPageBytes)
            .ConfigurePrimaryHttpMessageHandler(SiemHttp.Handler)
            .AddStandardResilienceHandler();
        return services;
    }
}
