using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Caduceus.Gateway.Compliance;

/// <summary>Registers compliance reporting over the running gateway's own stores and master key.</summary>
internal static class ComplianceServiceCollectionExtensions
{
    public const string RunningConfigurationSource = "the running gateway's configuration";

    public static IServiceCollection AddComplianceReports(this IServiceCollection services)
    {
        services.TryAddSingleton<ITrainingEvidence, TrainingRegisterEvidence>();
        services.TryAddSingleton<IDrillResultEvidence, ScheduledDrillEvidence>();
        services.AddSingleton(sp => new ComplianceReporter(
            new ComplianceStateReader(
                sp.GetRequiredService<IConfiguration>(),
                sp.GetRequiredService<GatewayDatabase>(),
                sp.GetRequiredService<IApiKeyStore>(),
                sp.GetRequiredService<IMfaFactorStore>(),
                sp.GetRequiredService<IIncidentStore>(),
                sp.GetRequiredService<IDrillStore>(),
                sp.GetRequiredService<IModelInventory>(),
                sp.GetRequiredService<ITrainingEvidence>(),
                sp.GetRequiredService<IDrillResultEvidence>(),
                sp.GetRequiredService<IMasterKey>(),
                sp.GetRequiredService<TimeProvider>()),
            RunningConfigurationSource));
        return services;
    }
}
