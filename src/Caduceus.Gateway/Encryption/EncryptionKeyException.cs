namespace Caduceus.Gateway.Encryption;

/// <summary>
/// Encryption at rest cannot work safely: a master key is missing, unreadable or not the one the data keys were
/// wrapped with, or a wrapped data key failed authentication. Fail closed: the gateway does not start without its
/// data keys. Messages name the setting to fix and key ids, never key material.
/// </summary>
public sealed class EncryptionKeyException : Exception
{
    public EncryptionKeyException()
    {
    }

    public EncryptionKeyException(string message)
        : base(message)
    {
    }

    public EncryptionKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
