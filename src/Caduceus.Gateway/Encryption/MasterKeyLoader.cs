using System.Text;
using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Encryption;

/// <summary>
/// Finds the master key: <see cref="EncryptionOptions.MasterKeyFile"/>, else
/// <see cref="EncryptionOptions.MasterKeyEnvironmentVariable"/>, else the vault key (configured, or the data
/// directory's generated <c>vault.key</c>). Errors name the setting, file or variable, never key material.
/// </summary>
public static class MasterKeyLoader
{
    /// <summary>The configured master key; with none configured, the vault key, generated when missing.</summary>
    /// <exception cref="EncryptionKeyException">The configured key is unusable.</exception>
    public static IMasterKey Load(EncryptionOptions encryption, VaultOptions vault, string dataDirectory) =>
        TryLoadConfigured(encryption) ?? FromVaultKey(vault, dataDirectory, create: true)!;

    /// <summary>Like <see cref="Load"/> but never creates a key file: null when no key is configured and none exists yet.</summary>
    /// <exception cref="EncryptionKeyException">The configured key is unusable.</exception>
    public static IMasterKey? TryLoadExisting(EncryptionOptions encryption, VaultOptions vault, string dataDirectory) =>
        TryLoadConfigured(encryption) ?? FromVaultKey(vault, dataDirectory, create: false);

    /// <summary>The current master key and, during a transition, <see cref="EncryptionOptions.PreviousMasterKeyFile"/>.</summary>
    public static MasterKeySet WithPrevious(IMasterKey current, EncryptionOptions encryption)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(encryption);
        return string.IsNullOrEmpty(encryption.PreviousMasterKeyFile)
            ? new MasterKeySet(current)
            : new MasterKeySet(current, [FromFile(encryption.PreviousMasterKeyFile, "Encryption:PreviousMasterKeyFile")]);
    }

    /// <summary>A master key from a file holding its base64; <paramref name="setting"/> names where the path came from.</summary>
    /// <exception cref="EncryptionKeyException">The file is missing, unreadable or not base64 of 32 bytes.</exception>
    public static IMasterKey FromFile(string path, string setting)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath, Encoding.ASCII);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EncryptionKeyException($"{setting} '{fullPath}' cannot be read: {exception.GetType().Name}.", exception);
        }

        return VaultKey.TryParse(text, out var key)
            ? new LocalMasterKey(key, $"{setting} '{fullPath}'")
            : throw new EncryptionKeyException($"{setting} '{fullPath}' must hold the base64 encoding of {VaultKey.Length} bytes.");
    }

    /// <summary>A master key from an environment variable holding its base64.</summary>
    /// <exception cref="EncryptionKeyException">The variable is unset or not base64 of 32 bytes.</exception>
    public static IMasterKey FromEnvironment(string variable, string setting)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new EncryptionKeyException($"{setting} names the environment variable {variable}, which is not set.");
        }

        return VaultKey.TryParse(text, out var key)
            ? new LocalMasterKey(key, $"{setting} ({variable})")
            : throw new EncryptionKeyException($"The environment variable {variable} ({setting}) must hold the base64 encoding of {VaultKey.Length} bytes.");
    }

    private static IMasterKey? TryLoadConfigured(EncryptionOptions encryption)
    {
        ArgumentNullException.ThrowIfNull(encryption);
        if (!string.IsNullOrEmpty(encryption.MasterKeyFile) && !string.IsNullOrEmpty(encryption.MasterKeyEnvironmentVariable))
        {
            throw new EncryptionKeyException("Encryption: set MasterKeyFile or MasterKeyEnvironmentVariable, not both.");
        }

        if (!string.IsNullOrEmpty(encryption.MasterKeyFile))
        {
            return FromFile(encryption.MasterKeyFile, "Encryption:MasterKeyFile");
        }

        return string.IsNullOrEmpty(encryption.MasterKeyEnvironmentVariable)
            ? null
            : FromEnvironment(encryption.MasterKeyEnvironmentVariable, "Encryption:MasterKeyEnvironmentVariable");
    }

    private static LocalMasterKey? FromVaultKey(VaultOptions vault, string dataDirectory, bool create)
    {
        ArgumentNullException.ThrowIfNull(vault);
        VaultKey? key;
        try
        {
            key = create ? VaultKeyLoader.Load(vault, dataDirectory) : VaultKeyLoader.TryLoadExisting(vault, dataDirectory);
        }
        catch (PseudonymVaultException exception)
        {
            throw new EncryptionKeyException(exception.Message, exception);
        }

        if (key is null)
        {
            return null;
        }

        var source = !string.IsNullOrEmpty(vault.Key) ? "Vault:Key"
            : !string.IsNullOrEmpty(vault.KeyFile) ? $"Vault:KeyFile '{Path.GetFullPath(vault.KeyFile)}'"
            : $"the generated key file '{Path.Combine(Path.GetFullPath(dataDirectory), VaultKeyLoader.DefaultFileName)}'";
        return new LocalMasterKey(key, source);
    }
}
