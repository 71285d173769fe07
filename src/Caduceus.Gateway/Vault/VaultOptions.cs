namespace Caduceus.Gateway.Vault;

/// <summary>
/// The <c>Vault</c> configuration section: where pseudonyms are kept, for how long, and the key that encrypts them.
/// </summary>
/// <remarks>
/// The key comes from <see cref="Key"/> (base64 of 32 random bytes, e.g. from an environment variable
/// <c>CADUCEUS_Vault__Key</c>) or <see cref="KeyFile"/> (a file holding that base64 text). With neither, the gateway
/// generates a random key on first start and writes it to <c>vault.key</c> in the data directory, readable by its
/// own user only (mode 0600); back that file up, since without it stored pseudonyms cannot be restored. The key is
/// never logged and never appears in an error message.
/// </remarks>
public sealed class VaultOptions
{
    public const string SectionName = "Vault";

    /// <summary>Base64 of the 32-byte master key. Set this or <see cref="KeyFile"/>, not both.</summary>
    public string? Key { get; set; }

    /// <summary>Path of a file holding the base64 master key; relative paths resolve against the working directory.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Where pseudonyms are kept.</summary>
    public VaultStore Store { get; set; } = VaultStore.Sqlite;

    /// <summary>How long a conversation's pseudonyms live after its last use; then they are purged and cannot be restored.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired pseudonyms are deleted.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);
}
