namespace Caduceus.Gateway.ThreatIntel;

/// <summary>One sighting of an indicator by this gateway, on its way to the store.</summary>
internal sealed record ThreatSighting(ThreatIndicatorKind Kind, string Value, string? Signatures, DateTimeOffset Time);
