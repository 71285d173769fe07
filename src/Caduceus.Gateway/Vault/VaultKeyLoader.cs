using System.Text;

namespace Caduceus.Gateway.Vault;

/// <summary>
/// Finds the vault's master key: <see cref="VaultOptions.Key"/>, else <see cref="VaultOptions.KeyFile"/>, else
/// <see cref="DefaultFileName"/> in the data directory, which the gateway generates on first start (random, mode
/// 0600 in a directory it creates with mode 0700). Errors name the setting or file, never key material.
/// </summary>
public static class VaultKeyLoader
{
    /// <summary>The generated key file's name in the data directory.</summary>
    public const string DefaultFileName = "vault.key";

    /// <summary>The configured key, or the data directory's key file, generated when missing.</summary>
    /// <exception cref="PseudonymVaultException">The configured key or key file is unusable.</exception>
    public static VaultKey Load(VaultOptions options, string dataDirectory) =>
        TryLoadExisting(options, dataDirectory) ?? CreateKeyFile(Path.Combine(Path.GetFullPath(dataDirectory), DefaultFileName));

    /// <summary>Like <see cref="Load"/> but never creates a file: null when no key is configured and none exists yet.</summary>
    /// <exception cref="PseudonymVaultException">The configured key or key file is unusable.</exception>
    public static VaultKey? TryLoadExisting(VaultOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        if (!string.IsNullOrEmpty(options.Key) && !string.IsNullOrEmpty(options.KeyFile))
        {
            throw new PseudonymVaultException("Vault: set Key or KeyFile, not both.");
        }

        if (!string.IsNullOrEmpty(options.Key))
        {
            return VaultKey.TryParse(options.Key, out var key)
                ? key
                : throw new PseudonymVaultException($"Vault:Key must be the base64 encoding of {VaultKey.Length} bytes.");
        }

        if (!string.IsNullOrEmpty(options.KeyFile))
        {
            return ReadKeyFile(Path.GetFullPath(options.KeyFile), "Vault:KeyFile");
        }

        var defaultFile = Path.Combine(Path.GetFullPath(dataDirectory), DefaultFileName);
        return File.Exists(defaultFile) ? ReadKeyFile(defaultFile, "The vault key file") : null;
    }

    private static VaultKey ReadKeyFile(string path, string what)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.ASCII);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new PseudonymVaultException($"{what} '{path}' cannot be read: {exception.GetType().Name}.", exception);
        }

        return VaultKey.TryParse(text, out var key)
            ? key
            : throw new PseudonymVaultException($"{what} '{path}' must hold the base64 encoding of {VaultKey.Length} bytes.");
    }

    private static VaultKey CreateKeyFile(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var key = VaultKey.Generate();
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, file);
            stream.Write(Encoding.ASCII.GetBytes(key.ToBase64() + "\n"));
            stream.Flush(flushToDisk: true);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another gateway process sharing the data directory created it first: use theirs.
            return ReadKeyFile(path, "The vault key file");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new PseudonymVaultException($"The vault key file '{path}' cannot be created: {exception.GetType().Name}.", exception);
        }
    }
}
