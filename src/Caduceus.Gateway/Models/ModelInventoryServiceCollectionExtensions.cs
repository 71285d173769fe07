using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Models;

/// <summary>Registers the model inventory, its seeding on first start, its pipeline stage and the model files' integrity check.</summary>
internal static class ModelInventoryServiceCollectionExtensions
{
    public static IServiceCollection AddModelInventory(this IServiceCollection services)
    {
        services.AddSingleton<IOptions<ModelInventoryOptions>>(sp => Options.Create(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Models));
        services.AddSingleton<IValidateOptions<GatewayOptions>, ModelInventoryOptionsValidator>();

        // Under State:Store = postgres, AddSharedState has already registered the shared inventory.
        services.TryAddSingleton<IModelInventory>(sp => ActivatorUtilities.CreateInstance<SqliteModelInventory>(sp));
        services.AddSingleton<CachingModelLookup>();
        services.AddSingleton<ReviewOverdueWarnings>();
        services.AddSingleton<Admin.AdminModelLog>();
        services.AddHostedService<ModelIntegrityStartup>();
        services.AddHostedService<ModelInventorySeeder>();
        return services;
    }

    /// <summary>The inventory stage, for the pipeline's composition.</summary>
    public static IChatStage Stage(IServiceProvider services) => ActivatorUtilities.CreateInstance<ModelInventoryStage>(services);
}
