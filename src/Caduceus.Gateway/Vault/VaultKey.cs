using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.Vault;

/// <summary>
/// A 32-byte key as the gateway reads it from configuration or a key file: the vault key of before envelope
/// encryption, which is still the master key when <c>Encryption</c> names none, and the bytes of a local master key.
/// Nothing uses it directly: each use gets its own key derived with HKDF-SHA256. Never shown: <see cref="ToString"/> prints no key material.
/// </summary>
public sealed class VaultKey
{
    public const int Length = 32;

    private readonly byte[] _key;

    /// <param name="key">Exactly 32 secret bytes.</param>
    public VaultKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != Length)
        {
            throw new ArgumentException($"A vault key is {Length} bytes long.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>A new random key.</summary>
    public static VaultKey Generate()
    {
        Span<byte> key = stackalloc byte[Length];
        RandomNumberGenerator.Fill(key);
        var result = new VaultKey(key);
        CryptographicOperations.ZeroMemory(key);
        return result;
    }

    /// <summary>Reads the base64 text of a key; false when it is not base64 of exactly 32 bytes.</summary>
    public static bool TryParse(string base64, [NotNullWhen(true)] out VaultKey? key)
    {
        ArgumentNullException.ThrowIfNull(base64);
        key = null;
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (!Convert.TryFromBase64String(base64.Trim(), bytes, out var written) || written != Length)
        {
            CryptographicOperations.ZeroMemory(bytes);
            return false;
        }

        key = new VaultKey(bytes[..Length]);
        CryptographicOperations.ZeroMemory(bytes);
        return true;
    }

    /// <summary>The key for <paramref name="purpose"/>: HKDF-SHA256 of the master key with the purpose as info.</summary>
    public byte[] Derive(string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var derived = new byte[Length];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, derived, [], Encoding.UTF8.GetBytes("caduceus vault v1 " + purpose));
        return derived;
    }

    /// <summary>The key's base64 text, to write a key file. Treat the result as secret.</summary>
    internal string ToBase64() => Convert.ToBase64String(_key);

    /// <summary>Never the key.</summary>
    public override string ToString() => "VaultKey(hidden)";
}
