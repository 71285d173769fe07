namespace Caduceus.Gateway.Keys;

/// <summary>Whether a key is accepted, and if not, why.</summary>
public enum ApiKeyStatus
{
    Active,
    Expired,
    Revoked,
}
