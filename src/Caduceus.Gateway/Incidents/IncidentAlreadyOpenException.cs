namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Another instance opened an incident for the same playbook and subject first (found under the store's lock): the
/// events belong to <see cref="IncidentId"/> instead of a second incident.
/// </summary>
internal sealed class IncidentAlreadyOpenException(string incidentId)
    : Exception($"Incident {incidentId} is already open for this playbook and subject.")
{
    public string IncidentId { get; } = incidentId;
}
