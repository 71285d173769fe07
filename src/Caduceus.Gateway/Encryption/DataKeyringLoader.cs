using System.Security.Cryptography;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Encryption;

/// <summary>
/// Opens the keyring of the gateway database: unwraps every stored data key, and creates the missing ones, wrapped
/// with the current master key. A new database gets random data keys. A database that already holds pseudonyms or
/// TOTP seeds but no keyring (from before envelope encryption) gets the keys those were sealed with, derived from
/// the vault key as before, so its data stays readable.
/// </summary>
public static class DataKeyringLoader
{
    /// <param name="database">The gateway database holding the wrapped data keys.</param>
    /// <param name="masterKeys">The master key new data keys are wrapped with, and any accepted for unwrapping only.</param>
    /// <param name="legacyVaultKey">The vault key of before envelope encryption, asked for only when it is needed.</param>
    /// <param name="timeProvider">Clock for the rows' times.</param>
    /// <exception cref="EncryptionKeyException">A data key cannot be unwrapped, or the old vault key is needed and missing.</exception>
    public static DataKeyring Open(GatewayDatabase database, MasterKeySet masterKeys, Func<VaultKey?> legacyVaultKey, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(masterKeys);
        ArgumentNullException.ThrowIfNull(legacyVaultKey);
        ArgumentNullException.ThrowIfNull(timeProvider);

        using var connection = database.Open();

        // IMMEDIATE: two processes creating the keyring at once must not create two different sets of keys.
        using var transaction = connection.BeginTransaction(deferred: false);
        var stored = DataKeyStore.ReadAll(connection, transaction);
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var wrapped in stored)
        {
            keys[wrapped.Purpose] = DataKeyWrapping.Unwrap(masterKeys, wrapped, database.FilePath);
        }

        var missing = DataKeyPurposes.All.Where(purpose => !keys.ContainsKey(purpose)).ToList();
        if (missing.Count > 0)
        {
            var legacy = stored.Count == 0 && DataKeyStore.HoldsSealedData(connection, transaction) ? LegacyKeys(legacyVaultKey) : null;
            foreach (var purpose in missing)
            {
                var dataKey = legacy?.KeyFor(purpose) ?? RandomNumberGenerator.GetBytes(DataKeyring.KeyLength);
                DataKeyStore.Insert(
                    connection,
                    transaction,
                    DataKeyWrapping.Wrap(masterKeys.Current, purpose, dataKey),
                    legacy is null ? DataKeyOrigin.Random : DataKeyOrigin.VaultKey,
                    timeProvider.GetUtcNow());
                keys[purpose] = dataKey;
            }
        }

        transaction.Commit();
        return new DataKeyring(keys);
    }

    private static DataKeyring LegacyKeys(Func<VaultKey?> legacyVaultKey) =>
        DataKeyring.DerivedFrom(legacyVaultKey() ?? throw new EncryptionKeyException(
            "The database holds pseudonyms or TOTP seeds sealed before envelope encryption, with keys derived from the vault key, " +
            "but no vault key is configured (Vault:Key, Vault:KeyFile or the data directory's vault.key). Configure it once so the keyring can take those keys over."));
}
