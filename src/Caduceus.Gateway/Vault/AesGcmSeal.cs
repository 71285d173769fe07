using System.Security.Cryptography;

namespace Caduceus.Gateway.Vault;

/// <summary>
/// AES-256-GCM as the gateway stores secrets at rest: version byte, random 96-bit nonce, tag, ciphertext. The caller
/// binds each sealed value to its place (row, owner) through the associated data, so a value moved elsewhere fails
/// to open. Used by the pseudonym vault and for admins' TOTP seeds, each under its own key derived from the
/// <see cref="VaultKey"/>.
/// </summary>
internal static class AesGcmSeal
{
    private const byte FormatVersion = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 1 + NonceLength + TagLength;

    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedValue = new byte[HeaderLength + plaintext.Length];
        sealedValue[0] = FormatVersion;
        var nonce = sealedValue.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(HeaderLength), sealedValue.AsSpan(1 + NonceLength, TagLength), associatedData);
        return sealedValue;
    }

    /// <summary>False when the value is not in this format, was altered, belongs elsewhere or was sealed under another key.</summary>
    public static bool TryOpen(byte[] key, byte[] sealedValue, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        if (!HasFormat(sealedValue) || plaintext.Length != PlaintextLength(sealedValue))
        {
            return false;
        }

        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(
                sealedValue.AsSpan(1, NonceLength),
                sealedValue.AsSpan(HeaderLength),
                sealedValue.AsSpan(1 + NonceLength, TagLength),
                plaintext,
                associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return false;
        }
    }

    public static bool HasFormat(byte[] sealedValue) => sealedValue.Length >= HeaderLength && sealedValue[0] == FormatVersion;

    public static int PlaintextLength(byte[] sealedValue) => sealedValue.Length - HeaderLength;
}
