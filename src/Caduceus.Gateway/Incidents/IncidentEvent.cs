namespace Caduceus.Gateway.Incidents;

/// <summary>
/// A security event as evidence of an incident: its id (the key into the audit trail and SIEM) and the keyed hash of
/// its source address, never content.
/// </summary>
public sealed record IncidentEvent(
    string EventId,
    DateTimeOffset Time,
    string Type,
    string? Code,
    string? Route,
    IReadOnlyDictionary<string, int> EntityCounts,
    string? Source = null);
