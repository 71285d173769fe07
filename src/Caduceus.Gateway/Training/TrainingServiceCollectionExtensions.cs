using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Training;

/// <summary>Registers staff training records: options from <c>Training</c> (validated at start), the register, standings, the change log and enforcement.</summary>
internal static class TrainingServiceCollectionExtensions
{
    /// <summary>Needs the gateway database, the audit trail and the event bus.</summary>
    public static IServiceCollection AddStaffTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrainingOptions>().Bind(configuration.GetSection(TrainingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrainingOptions>, TrainingOptionsValidator>();
        // Under State:Store = postgres, AddSharedState has already registered the shared register.
        services.TryAddSingleton<ITrainingStore, SqliteTrainingStore>();
        services.AddSingleton<TrainingRecords>();
        services.AddSingleton<ITrainingRecords>(sp => sp.GetRequiredService<TrainingRecords>());
        services.AddSingleton<TrainingChangeLog>();
        services.AddSingleton<TrainingEnforcement>();
        return services;
    }
}
