namespace Caduceus.Gateway.Encryption;

/// <summary>How a data key came to be, as recorded in <c>data_keys.origin</c>.</summary>
internal static class DataKeyOrigin
{
    /// <summary>32 random bytes: every data key of a new deployment.</summary>
    public const string Random = "random";

    /// <summary>
    /// Derived from the vault key, as every key was before envelope encryption: kept for a database that already held
    /// data sealed with it. Whoever holds that old vault key can derive this data key.
    /// </summary>
    public const string VaultKey = "vault-key";
}
