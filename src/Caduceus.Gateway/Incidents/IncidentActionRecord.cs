namespace Caduceus.Gateway.Incidents;

/// <summary>A containment action taken on an incident: what, on whom, ordered by whom (a playbook or a person), and how it went.</summary>
public sealed record IncidentActionRecord(DateTimeOffset Time, string Action, string Target, string Actor, string Outcome);
