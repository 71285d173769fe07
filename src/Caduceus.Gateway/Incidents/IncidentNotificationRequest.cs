namespace Caduceus.Gateway.Incidents;

/// <summary>
/// The body of <c>POST /admin/incidents/{id}/notification</c>: when notice of a possible breach was given (default now),
/// and a note saying to whom, or why none is due after the risk assessment. The note must not hold PHI.
/// </summary>
public sealed record IncidentNotificationRequest(DateTimeOffset? NotifiedAt, string? Note);
