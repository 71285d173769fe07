using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Vault;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Encryption;

/// <summary>Registers encryption at rest: the master key and the keyring of data keys.</summary>
public static class EncryptionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>Encryption</c> options, the <see cref="IMasterKey"/> they name (a deployment may register its own
    /// afterwards, e.g. over a KMS), and the <see cref="DataKeyring"/>, opened at start-up so that a wrong master key
    /// stops the gateway. Needs the gateway's <see cref="GatewayDatabase"/>; reads the <c>Vault</c> section for the
    /// vault key that is the master key when none is configured.
    /// </summary>
    public static IServiceCollection AddEncryptionAtRest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EncryptionOptions>().Bind(configuration.GetSection(EncryptionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>();
        services.AddOptions<VaultOptions>().Bind(configuration.GetSection(VaultOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => MasterKeyLoader.Load(
            sp.GetRequiredService<IOptions<EncryptionOptions>>().Value,
            sp.GetRequiredService<IOptions<VaultOptions>>().Value,
            sp.GetRequiredService<GatewayDatabase>().DirectoryPath));
        services.AddSingleton(sp =>
        {
            var database = sp.GetRequiredService<GatewayDatabase>();
            var vault = sp.GetRequiredService<IOptions<VaultOptions>>().Value;
            var masterKeys = MasterKeyLoader.WithPrevious(sp.GetRequiredService<IMasterKey>(), sp.GetRequiredService<IOptions<EncryptionOptions>>().Value);
            if (sp.GetService<SharedStateOptions>() is { UsesPostgres: true })
            {
                return PostgresDataKeyringLoader.Open(sp.GetRequiredService<PostgresStateDatabase>(), masterKeys, sp.GetRequiredService<TimeProvider>());
            }

            return DataKeyringLoader.Open(database, masterKeys, () => VaultKeyLoader.TryLoadExisting(vault, database.DirectoryPath), sp.GetRequiredService<TimeProvider>());
        });
        services.AddHostedService<DataKeyringStartup>();
        return services;
    }
}
