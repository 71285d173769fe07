namespace Caduceus.Gateway.Incidents;

/// <summary>The body of <c>POST /admin/incidents/{id}/actions</c>: the containment action a person orders.</summary>
public sealed record IncidentActionRequest(string? Action);
