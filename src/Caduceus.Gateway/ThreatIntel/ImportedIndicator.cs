namespace Caduceus.Gateway.ThreatIntel;

/// <summary>An indicator from a feed that the gateway can act on.</summary>
internal sealed record ImportedIndicator(ThreatIndicatorKind Kind, string Value, int Confidence, DateTimeOffset? ValidUntil);
