using System.Security.Cryptography;
using System.Text;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// Seals TOTP seeds at rest with <see cref="AesGcmSeal"/>, under the keyring's data key for this purpose alone
/// (<see cref="DataKeyPurposes.AdminTotpSeed"/>). The factor and key ids are the associated data, so a seed copied to
/// another factor or admin fails to open.
/// </summary>
internal sealed class TotpSeedCipher(DataKeyring keyring)
{
    private readonly byte[] _key = keyring.KeyFor(DataKeyPurposes.AdminTotpSeed);

    public byte[] Seal(string keyId, string factorId, ReadOnlySpan<byte> seed) => AesGcmSeal.Seal(_key, seed, AssociatedData(keyId, factorId));

    /// <summary>The seed; the caller zeroes it after use.</summary>
    /// <exception cref="CryptographicException">The sealed seed was altered, moved, or sealed under another data key.</exception>
    public byte[] Open(MfaFactor factor)
    {
        var sealedSeed = factor.SealedTotpSeed ?? throw new CryptographicException("The factor has no TOTP seed.");
        var seed = new byte[Math.Max(0, AesGcmSeal.PlaintextLength(sealedSeed))];
        return AesGcmSeal.TryOpen(_key, sealedSeed, AssociatedData(factor.KeyId, factor.Id), seed)
            ? seed
            : throw new CryptographicException($"The TOTP seed of factor {factor.Id} cannot be opened with this gateway's data key.");
    }

    private static byte[] AssociatedData(string keyId, string factorId) => Encoding.UTF8.GetBytes($"caduceus admin totp v1\n{keyId}\n{factorId}");
}
