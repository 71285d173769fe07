using Caduceus.Gateway.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Vault;

/// <summary>Registers the pseudonym vault.</summary>
public static class VaultServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IPseudonymVault"/> (SQLite or memory, per <see cref="VaultOptions.Store"/>), its
    /// <see cref="VaultKey"/> (configured, or generated into the data directory on first start), the options bound
    /// from the <c>Vault</c> section and validated at start-up, and the purge of expired pseudonyms. Needs the
    /// gateway's <see cref="GatewayDatabase"/>.
    /// </summary>
    public static IServiceCollection AddPseudonymVault(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<VaultOptions>().Bind(configuration.GetSection(VaultOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VaultOptions>, VaultOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => VaultKeyLoader.Load(
            sp.GetRequiredService<IOptions<VaultOptions>>().Value,
            sp.GetRequiredService<GatewayDatabase>().DirectoryPath));
        services.AddSingleton(sp => new PseudonymCipher(sp.GetRequiredService<VaultKey>()));
        services.AddSingleton<IPseudonymVault>(sp => sp.GetRequiredService<IOptions<VaultOptions>>().Value.Store == VaultStore.Memory
            ? ActivatorUtilities.CreateInstance<InMemoryPseudonymVault>(sp)
            : ActivatorUtilities.CreateInstance<SqlitePseudonymVault>(sp));
        services.AddHostedService<PseudonymVaultPurgeService>();
        return services;
    }
}
