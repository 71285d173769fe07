using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Encryption;

/// <summary>
/// A master key held in process memory (read from a file or an environment variable): AES-256-GCM key wrap under a
/// key derived from it with HKDF, and an id derived the same way, so the id names the key without revealing it.
/// </summary>
internal sealed class LocalMasterKey : IMasterKey
{
    private const int KeyIdBytes = 8;

    private readonly byte[] _wrappingKey;

    public LocalMasterKey(VaultKey key, string source)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(source);
        _wrappingKey = key.Derive("master key wrap");
        KeyId = Convert.ToHexStringLower(key.Derive("master key id").AsSpan(0, KeyIdBytes));
        Source = source;
    }

    public string KeyId { get; }

    public string Source { get; }

    public byte[] Wrap(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData) => AesGcmSeal.Seal(_wrappingKey, dataKey, associatedData);

    public bool TryUnwrap(byte[] wrappedKey, ReadOnlySpan<byte> associatedData, Span<byte> dataKey)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
        return AesGcmSeal.TryOpen(_wrappingKey, wrappedKey, associatedData, dataKey);
    }

    /// <summary>The id and source, never the key.</summary>
    public override string ToString() => $"LocalMasterKey({KeyId}, {Source})";
}
