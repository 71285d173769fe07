namespace Caduceus.Gateway.Vault;

/// <summary>
/// The vault cannot do its job safely: its key is wrong or unreadable, a stored value failed authentication, or
/// concurrent writers kept conflicting. Fail closed: a request that needed the vault must not go on without it.
/// Messages name the problem and the configuration to fix, never a value, a token's meaning or key material.
/// </summary>
public sealed class PseudonymVaultException : Exception
{
    public PseudonymVaultException()
    {
    }

    public PseudonymVaultException(string message)
        : base(message)
    {
    }

    public PseudonymVaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
