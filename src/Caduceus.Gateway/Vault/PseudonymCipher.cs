using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.Encryption;

namespace Caduceus.Gateway.Vault;

/// <summary>
/// How the vault protects what it stores. Values: AES-256-GCM (<see cref="AesGcmSeal"/>) with a random 96-bit nonce each, and the row's scope,
/// token and type as associated data, so a ciphertext moved to another row or scope fails to decrypt. Scope ids and
/// value lookups: HMAC-SHA256 under their own keys, so the store holds neither conversation ids (which a client may
/// have chosen) nor values, yet can find a value's token. Each of the three keys is a data key of the
/// <see cref="DataKeyring"/>.
/// </summary>
internal sealed class PseudonymCipher
{
    private static readonly byte[] AssociatedDataLabel = Encoding.ASCII.GetBytes("caduceus pseudonym v1");

    private readonly byte[] _encryptionKey;
    private readonly byte[] _scopeKey;
    private readonly byte[] _lookupKey;

    public PseudonymCipher(DataKeyring keyring)
        : this(
            keyring?.KeyFor(DataKeyPurposes.PseudonymEncryption) ?? throw new ArgumentNullException(nameof(keyring)),
            keyring.KeyFor(DataKeyPurposes.ScopeId),
            keyring.KeyFor(DataKeyPurposes.ValueLookup))
    {
    }

    internal PseudonymCipher(byte[] encryptionKey, byte[] scopeKey, byte[] lookupKey)
    {
        _encryptionKey = encryptionKey;
        _scopeKey = scopeKey;
        _lookupKey = lookupKey;
    }

    /// <summary>What the store keeps instead of the scope id.</summary>
    public byte[] ScopeKey(string scopeId) => HMACSHA256.HashData(_scopeKey, Encoding.UTF8.GetBytes(scopeId));

    /// <summary>What the store keeps to find a value's token: HMAC of scope, type and normalized value.</summary>
    public byte[] LookupKey(ReadOnlySpan<byte> scopeKey, string entityType, string value)
    {
        var normalized = Encoding.UTF8.GetBytes(ValueNormalizer.Normalize(entityType, value));
        var type = Encoding.UTF8.GetBytes(entityType);
        var input = new byte[scopeKey.Length + 4 + type.Length + normalized.Length];
        scopeKey.CopyTo(input);
        BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(scopeKey.Length), type.Length);
        type.CopyTo(input, scopeKey.Length + 4);
        normalized.CopyTo(input, scopeKey.Length + 4 + type.Length);
        var mac = HMACSHA256.HashData(_lookupKey, input);
        CryptographicOperations.ZeroMemory(input);
        CryptographicOperations.ZeroMemory(normalized);
        return mac;
    }

    /// <summary>Version, nonce, tag and ciphertext of <paramref name="value"/>, bound to its row.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> scopeKey, string token, string entityType, string value)
    {
        var plaintext = Encoding.UTF8.GetBytes(value);
        var sealedValue = AesGcmSeal.Seal(_encryptionKey, plaintext, AssociatedData(scopeKey, token, entityType));
        CryptographicOperations.ZeroMemory(plaintext);
        return sealedValue;
    }

    /// <summary>The value sealed by <see cref="Encrypt"/> for this very row.</summary>
    /// <exception cref="PseudonymVaultException">The value was altered, moved from another row, or sealed under another key.</exception>
    public string Decrypt(ReadOnlySpan<byte> scopeKey, string token, string entityType, byte[] sealedValue)
    {
        if (!AesGcmSeal.HasFormat(sealedValue))
        {
            throw new PseudonymVaultException("A stored pseudonym is not in a format this gateway reads.");
        }

        var plaintext = new byte[AesGcmSeal.PlaintextLength(sealedValue)];
        try
        {
            return AesGcmSeal.TryOpen(_encryptionKey, sealedValue, AssociatedData(scopeKey, token, entityType), plaintext)
                ? Encoding.UTF8.GetString(plaintext)
                : throw new PseudonymVaultException(
                    "A stored pseudonym failed authentication: it was altered, moved from another row or conversation, or encrypted with another data key.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> scopeKey, string token, string entityType)
    {
        var tokenBytes = Encoding.UTF8.GetBytes(token);
        var typeBytes = Encoding.UTF8.GetBytes(entityType);
        var data = new byte[AssociatedDataLabel.Length + 4 + scopeKey.Length + 4 + tokenBytes.Length + 4 + typeBytes.Length];
        AssociatedDataLabel.CopyTo(data, 0);
        var offset = Append(data, AssociatedDataLabel.Length, scopeKey);
        offset = Append(data, offset, tokenBytes);
        Append(data, offset, typeBytes);
        return data;
    }

    /// <summary>Writes a length-prefixed part; returns where the next one goes.</summary>
    private static int Append(byte[] destination, int offset, ReadOnlySpan<byte> part)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination.AsSpan(offset), part.Length);
        part.CopyTo(destination.AsSpan(offset + 4));
        return offset + 4 + part.Length;
    }
}
