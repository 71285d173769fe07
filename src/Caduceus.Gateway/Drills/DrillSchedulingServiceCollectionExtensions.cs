using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Drills;

/// <summary>Registers scheduled drills (section <c>Drills</c>): validation at start-up, the runner, the scheduler and the result store.</summary>
internal static class DrillSchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddScheduledDrills(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DrillSchedulingOptions.SectionName).Get<DrillSchedulingOptions>() ?? new DrillSchedulingOptions();
        services.AddSingleton(options);
        services.AddSingleton<IValidateOptions<GatewayOptions>, DrillSchedulingOptionsValidator>();
        services.AddSingleton<DrillSchedules>();
        // Under State:Store = postgres, AddSharedState has already registered the shared results.
        services.TryAddSingleton<IDrillResultStore, SqliteDrillResultStore>();
        services.AddSingleton<ScheduledDrillKeys>();
        services.AddSingleton<GatewaySelfAddress>();
        services.AddSingleton<DrillIncidents>();
        services.AddSingleton<ScheduledDrillRunner>();
        services.TryAddSingleton<IDrillRunClaims, LocalDrillRunClaims>();
        services.AddSingleton(sp => new DrillScheduler(
            sp.GetRequiredService<DrillSchedules>(),
            sp.GetRequiredService<ScheduledDrillRunner>(),
            sp.GetRequiredService<IDrillRunClaims>(),
            sp.GetKeyedService<TimeProvider>(DrillScheduler.ClockKey) ?? sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DrillScheduler>>()));
        services.AddHostedService(sp => sp.GetRequiredService<DrillScheduler>());
        return services;
    }
}
