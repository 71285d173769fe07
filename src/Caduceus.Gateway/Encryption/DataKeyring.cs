using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Encryption;

/// <summary>
/// The unwrapped data keys, one per purpose (<see cref="DataKeyPurposes"/>), held for the life of the process. This
/// is why a running gateway keeps serving while its master key is rotated. Never shown: <see cref="ToString"/>
/// prints no key material.
/// </summary>
public sealed class DataKeyring
{
    /// <summary>Bytes of every data key (AES-256 or HMAC-SHA256).</summary>
    public const int KeyLength = 32;

    private readonly Dictionary<string, byte[]> _keys;

    internal DataKeyring(Dictionary<string, byte[]> keys)
    {
        _keys = keys;
    }

    public int Count => _keys.Count;

    /// <summary>A copy of the data key for <paramref name="purpose"/>.</summary>
    /// <exception cref="EncryptionKeyException">The keyring has no key for that purpose.</exception>
    public byte[] KeyFor(string purpose) =>
        _keys.TryGetValue(purpose, out var key)
            ? (byte[])key.Clone()
            : throw new EncryptionKeyException($"The keyring has no data key for '{purpose}'.");

    /// <summary>
    /// The keys as they were before envelope encryption: each derived from the vault key with the purpose as label.
    /// Used once, when the keyring is created on a database that already holds data sealed with them.
    /// </summary>
    internal static DataKeyring DerivedFrom(VaultKey vaultKey)
    {
        ArgumentNullException.ThrowIfNull(vaultKey);
        return new DataKeyring(DataKeyPurposes.All.ToDictionary(p => p, vaultKey.Derive, StringComparer.Ordinal));
    }

    /// <summary>Never the keys.</summary>
    public override string ToString() => $"DataKeyring({_keys.Count} data keys, hidden)";
}
