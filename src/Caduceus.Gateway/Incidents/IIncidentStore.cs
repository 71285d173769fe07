namespace Caduceus.Gateway.Incidents;

/// <summary>Where incidents live: the gateway database, shared by every gateway instance that uses it.</summary>
public interface IIncidentStore
{
    /// <summary>Stores a new incident with its first events.</summary>
    Task CreateAsync(Incident incident, CancellationToken cancellationToken);

    /// <summary>Adds evidence to an incident; an event already linked to it is ignored.</summary>
    Task AddEventsAsync(string incidentId, IReadOnlyList<IncidentEvent> events, DateTimeOffset updatedAt, CancellationToken cancellationToken);

    /// <summary>Records an action and moves the incident to <paramref name="status"/>.</summary>
    Task AddActionAsync(string incidentId, IncidentActionRecord action, IncidentStatus status, CancellationToken cancellationToken);

    /// <summary>The incident with its events and actions, or null.</summary>
    Task<Incident?> GetAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>Incidents newest first, without their events and actions; closed ones only when asked.</summary>
    Task<IReadOnlyList<Incident>> ListAsync(bool includeClosed, CancellationToken cancellationToken);

    /// <summary>
    /// The id of the open incident an event about <paramref name="subject"/> belongs to: this playbook's own, else the
    /// newest one any playbook has open for the same subject (one attack, one incident); null when there is none.
    /// </summary>
    Task<string?> FindOpenAsync(string playbook, string subject, CancellationToken cancellationToken);

    /// <summary>Raises an incident's severity and classification when another playbook finds the same attack.</summary>
    Task EscalateAsync(string incidentId, IncidentSeverity severity, IReadOnlyList<string> categories, DateTimeOffset updatedAt, CancellationToken cancellationToken);

    /// <summary>Closes an incident; false when there is no such incident or it is already closed.</summary>
    Task<bool> CloseAsync(string incidentId, DateTimeOffset closedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the breach notification was made (or that a person documented why none is due); false when there
    /// is no such incident.
    /// </summary>
    Task<bool> RecordNotificationAsync(string incidentId, DateTimeOffset notifiedAt, string note, CancellationToken cancellationToken);
}
