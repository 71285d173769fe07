using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.Encryption;

/// <summary>
/// Wraps and unwraps data keys with the master key id and the purpose as associated data, so a wrapped key altered,
/// moved to another purpose or relabelled with another master key id fails to open.
/// </summary>
internal static class DataKeyWrapping
{
    public static WrappedDataKey Wrap(IMasterKey masterKey, string purpose, ReadOnlySpan<byte> dataKey) =>
        new(purpose, masterKey.KeyId, masterKey.Wrap(dataKey, AssociatedData(masterKey.KeyId, purpose)));

    /// <exception cref="EncryptionKeyException">No configured master key wrapped it, or it failed authentication.</exception>
    public static byte[] Unwrap(MasterKeySet masterKeys, WrappedDataKey wrapped, string databasePath)
    {
        var masterKey = masterKeys.Find(wrapped.MasterKeyId) ?? throw new EncryptionKeyException(
            $"The data keys in '{databasePath}' are wrapped by master key {wrapped.MasterKeyId}, but the configured master key " +
            $"({masterKeys.Current.Source}) is {masterKeys.Current.KeyId}. Configure the master key they were wrapped with " +
            "(Encryption:MasterKeyFile or Encryption:MasterKeyEnvironmentVariable, else Vault:Key, Vault:KeyFile or the data directory's vault.key), " +
            "or name it in Encryption:PreviousMasterKeyFile; the gateway does not run without its data keys.");
        var dataKey = new byte[DataKeyring.KeyLength];
        if (!masterKey.TryUnwrap(wrapped.WrappedKey, AssociatedData(wrapped.MasterKeyId, wrapped.Purpose), dataKey))
        {
            CryptographicOperations.ZeroMemory(dataKey);
            throw new EncryptionKeyException(
                $"The data key for '{wrapped.Purpose}' in '{databasePath}' failed authentication with master key {wrapped.MasterKeyId} " +
                $"({masterKey.Source}): it was altered or moved from another purpose. Restore the database from a backup.");
        }

        return dataKey;
    }

    private static byte[] AssociatedData(string masterKeyId, string purpose) => Encoding.UTF8.GetBytes($"caduceus data key v1\n{masterKeyId}\n{purpose}");
}
