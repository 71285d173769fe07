namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// One attack indicator as the store holds it: what it is, where it came from (<see cref="ThreatIndicatorOrigins"/>),
/// when it was first and last seen, how often, and how sure we are (0 to 100, as STIX <c>confidence</c>).
/// </summary>
public sealed record ThreatIndicator
{
    public required ThreatIndicatorKind Kind { get; init; }

    public required string Value { get; init; }

    public required string Origin { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    public required long Count { get; init; }

    public required int Confidence { get; init; }

    /// <summary>The detectors (rule ids) whose findings made a payload an attack, comma-separated; never text.</summary>
    public string? Signatures { get; init; }

    /// <summary>When an imported indicator stops counting; null for the gateway's own sightings.</summary>
    public DateTimeOffset? ValidUntil { get; init; }
}
