using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.SharedState;
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
    /// Adds <see cref="IPseudonymVault"/> (SQLite or memory, per <see cref="VaultOptions.Store"/>), its cipher over the
    /// keyring's data keys, the options bound from the <c>Vault</c> section and validated at start-up, and the purge of
    /// expired pseudonyms. Needs the gateway's <see cref="GatewayDatabase"/> and
    /// <see cref="EncryptionServiceCollectionExtensions.AddEncryptionAtRest"/>.
    /// </summary>
    public static IServiceCollection AddPseudonymVault(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<VaultOptions>().Bind(configuration.GetSection(VaultOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VaultOptions>, VaultOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new PseudonymCipher(sp.GetRequiredService<DataKeyring>()));
        services.AddSingleton<IPseudonymVault>(sp => sp.GetRequiredService<IOptions<VaultOptions>>().Value.Store switch
        {
            VaultStore.Memory => ActivatorUtilities.CreateInstance<InMemoryPseudonymVault>(sp),
            _ when sp.GetService<SharedStateOptions>() is { UsesPostgres: true } => ActivatorUtilities.CreateInstance<PostgresPseudonymVault>(sp),
            _ => ActivatorUtilities.CreateInstance<SqlitePseudonymVault>(sp),
        });
        services.AddHostedService<PseudonymVaultPurgeService>();
        return services;
    }
}
