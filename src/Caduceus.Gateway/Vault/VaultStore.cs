namespace Caduceus.Gateway.Vault;

/// <summary>Where pseudonyms are kept.</summary>
public enum VaultStore
{
    /// <summary>Encrypted in the gateway's SQLite database; survives restarts.</summary>
    Sqlite,

    /// <summary>In process memory only; lost on restart. For tests and single-shot tools.</summary>
    Memory,
}
