namespace Caduceus.Gateway.Keys;

/// <summary>Why a presented key was refused. The client only hears "not valid"; the security event says which.</summary>
public enum ApiKeyRefusalReason
{
    /// <summary>No key has this secret.</summary>
    Unknown,
    Revoked,
    Expired,

    /// <summary>The secret was replaced by a rotation and its grace period is over.</summary>
    Replaced,
}
