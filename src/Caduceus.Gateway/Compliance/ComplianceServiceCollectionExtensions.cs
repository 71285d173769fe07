using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Drills;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Caduceus.Gateway.Compliance;

/// <summary>Registers compliance reporting over the running gateway's own stores (shared ones under <c>State:Store = postgres</c>) and master key.</summary>
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
                new ComplianceSources
                {
                    Database = sp.GetRequiredService<GatewayDatabase>(),
                    SharedState = sp.GetService<PostgresStateDatabase>(),
                    Keys = sp.GetRequiredService<IApiKeyStore>(),
                    Factors = sp.GetRequiredService<IMfaFactorStore>(),
                    Incidents = sp.GetRequiredService<IIncidentStore>(),
                    Drills = sp.GetRequiredService<IDrillStore>(),
                    Inventory = sp.GetRequiredService<IModelInventory>(),
                    Training = sp.GetRequiredService<ITrainingStore>(),
                    DrillResults = sp.GetRequiredService<IDrillResultStore>(),
                },
                sp.GetRequiredService<ITrainingEvidence>(),
                sp.GetRequiredService<IDrillResultEvidence>(),
                sp.GetRequiredService<IMasterKey>(),
                sp.GetRequiredService<TimeProvider>()),
            RunningConfigurationSource));
        return services;
    }
}
