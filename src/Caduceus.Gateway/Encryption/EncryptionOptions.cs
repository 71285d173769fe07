namespace Caduceus.Gateway.Encryption;

/// <summary>
/// Where the master key that wraps the data keys comes from. Set at most one of <see cref="MasterKeyFile"/> and
/// <see cref="MasterKeyEnvironmentVariable"/>; with neither, the vault key (<c>Vault:Key</c>, <c>Vault:KeyFile</c>,
/// or the generated <c>vault.key</c>) is the master key, as before envelope encryption.
/// </summary>
public sealed class EncryptionOptions
{
    public const string SectionName = "Encryption";

    /// <summary>Path of a file holding the base64 of 32 random bytes.</summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>Name of an environment variable (e.g. <c>CADUCEUS_MASTER_KEY</c>) holding the base64 of 32 random bytes.</summary>
    public string? MasterKeyEnvironmentVariable { get; set; }

    /// <summary>
    /// During a transition: the master key file used before the last rotation. Accepted only to unwrap data keys
    /// still wrapped by it; nothing is ever wrapped with it.
    /// </summary>
    public string? PreviousMasterKeyFile { get; set; }
}
