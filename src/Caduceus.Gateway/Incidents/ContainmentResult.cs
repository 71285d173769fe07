namespace Caduceus.Gateway.Incidents;

/// <summary>A containment order carried out: what the incident now records, and whether it took effect.</summary>
public sealed record ContainmentResult(IncidentActionRecord Record, bool TookEffect);
