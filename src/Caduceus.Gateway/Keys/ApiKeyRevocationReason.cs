namespace Caduceus.Gateway.Keys;

/// <summary>Why a key was revoked.</summary>
public enum ApiKeyRevocationReason
{
    /// <summary>An operator revoked it.</summary>
    Revoked,

    /// <summary>It went unused for longer than allowed and was disabled (least privilege).</summary>
    Unused,

    /// <summary>An incident playbook or responder revoked it to contain an attack.</summary>
    Incident,
}
