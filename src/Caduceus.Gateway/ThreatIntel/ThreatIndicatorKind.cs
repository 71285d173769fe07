namespace Caduceus.Gateway.ThreatIntel;

/// <summary>What an attack indicator points at. Never a text that could hold PHI.</summary>
public enum ThreatIndicatorKind
{
    /// <summary>The SHA-256 (hex) of an attack payload's normalized text (<see cref="AttackPayloadHash"/>).</summary>
    AttackPayload,

    /// <summary>A network address (IPv4 or IPv6, canonical text) that attacked the gateway or a feed named.</summary>
    SourceAddress,
}
