using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Vault;
using Microsoft.Extensions.Configuration;

namespace Caduceus.Cli;

/// <summary>
/// What a verb needs to open the gateway's keyring as <c>serve</c> does: the data directory and the
/// <c>Encryption</c> and <c>Vault</c> sections, from the same configuration sources.
/// </summary>
internal sealed record KeyringConfiguration(GatewayOptions Gateway, EncryptionOptions Encryption, VaultOptions Vault)
{
    public string DataDirectory => Path.GetFullPath(Gateway.DataDirectory);

    public GatewayDatabase Database() => new(Microsoft.Extensions.Options.Options.Create(Gateway));

    /// <summary>The configured master key (and any previous one), or the existing vault key; null when there is none yet.</summary>
    /// <exception cref="EncryptionKeyException">A configured key is unusable.</exception>
    public MasterKeySet? ExistingMasterKeys()
    {
        var current = MasterKeyLoader.TryLoadExisting(Encryption, Vault, DataDirectory);
        return current is null ? null : MasterKeyLoader.WithPrevious(current, Encryption);
    }

    public VaultKey? LegacyVaultKey() => VaultKeyLoader.TryLoadExisting(Vault, DataDirectory);

    /// <exception cref="FileNotFoundException">The configuration file is missing.</exception>
    /// <exception cref="InvalidDataException">The configuration file is not JSON.</exception>
    public static KeyringConfiguration Read(FileInfo? configFile)
    {
        var configuration = GatewayConfiguration.Build(new GatewayLaunchOptions { ConfigFile = configFile?.FullName });
        return new KeyringConfiguration(
            GatewayConfiguration.BindOptions(configuration),
            configuration.GetSection(EncryptionOptions.SectionName).Get<EncryptionOptions>() ?? new EncryptionOptions(),
            configuration.GetSection(VaultOptions.SectionName).Get<VaultOptions>() ?? new VaultOptions());
    }
}
