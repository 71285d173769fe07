using System.Security.Cryptography;
using System.Text;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.WebConsole.Accounts;

/// <summary>
/// Seals console accounts' TOTP seeds with AES-256-GCM under the keyring's second-factor data key
/// (<see cref="DataKeyPurposes.AdminTotpSeed"/>). The associated data names the console and the account, so a
/// seed cannot be moved to another account or passed off as an admin key's factor.
/// </summary>
internal sealed class ConsoleTotpCipher(DataKeyring keyring)
{
    private readonly byte[] _key = keyring.KeyFor(DataKeyPurposes.AdminTotpSeed);

    public byte[] Seal(string accountId, ReadOnlySpan<byte> seed) => AesGcmSeal.Seal(_key, seed, AssociatedData(accountId));

    /// <summary>The seed; the caller zeroes it after use.</summary>
    /// <exception cref="CryptographicException">The sealed seed was altered, moved, or sealed under another data key.</exception>
    public byte[] Open(ConsoleAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var seed = new byte[Math.Max(0, AesGcmSeal.PlaintextLength(account.SealedTotpSeed))];
        return AesGcmSeal.TryOpen(_key, account.SealedTotpSeed, AssociatedData(account.Id), seed)
            ? seed
            : throw new CryptographicException($"The TOTP seed of console account {account.Id} cannot be opened with this gateway's data key.");
    }

    private static byte[] AssociatedData(string accountId) => Encoding.UTF8.GetBytes($"caduceus console totp v1\n{accountId}");
}
