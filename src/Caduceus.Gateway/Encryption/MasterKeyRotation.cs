using System.Security.Cryptography;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Encryption;

/// <summary>
/// Re-wraps every data key with a new master key, in one transaction: after a crash or an error either every data
/// key is wrapped by the new master key or none is. The data keys themselves stay the same, so nothing sealed with
/// them is re-encrypted, and a running gateway, which holds them unwrapped in memory, keeps serving throughout.
/// </summary>
public static class MasterKeyRotation
{
    /// <summary>Returns how many data keys were re-wrapped.</summary>
    /// <exception cref="EncryptionKeyException">The current keys cannot unwrap the keyring, or the new key is the current one.</exception>
    public static int Rotate(GatewayDatabase database, MasterKeySet current, IMasterKey next, Func<VaultKey?> legacyVaultKey, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (next.KeyId == current.Current.KeyId)
        {
            throw new EncryptionKeyException($"The new master key is the one already in use ({next.KeyId}); generate a new one.");
        }

        // A database whose keyring was never created (no gateway started since the upgrade) gets it now, so the
        // rotation covers every data key the gateway will use.
        _ = DataKeyringLoader.Open(database, current, legacyVaultKey, timeProvider);

        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var rewrapped = 0;
        foreach (var wrapped in DataKeyStore.ReadAll(connection, transaction))
        {
            var dataKey = DataKeyWrapping.Unwrap(current, wrapped, database.FilePath);
            try
            {
                var replacement = DataKeyWrapping.Wrap(next, wrapped.Purpose, dataKey);
                if (!DataKeyStore.Rewrap(connection, transaction, replacement, wrapped.MasterKeyId, timeProvider.GetUtcNow()))
                {
                    throw new EncryptionKeyException($"The data key for '{wrapped.Purpose}' changed during the rotation; nothing was changed. Try again.");
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(dataKey);
            }

            rewrapped++;
        }

        transaction.Commit();
        return rewrapped;
    }
}
