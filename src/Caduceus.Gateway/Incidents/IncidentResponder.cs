using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Events;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Carries out containment actions on incidents, for playbooks and for people alike, and leaves the same trail for
/// both: the incident's action list, an <c>incident.contained</c> security event and an audit record.
/// </summary>
internal sealed class IncidentResponder(
    IIncidentStore store,
    IEnumerable<IContainmentAction> actions,
    IAuditLog auditLog,
    SecurityEventBus events,
    TimeProvider timeProvider)
{
    private readonly Dictionary<string, IContainmentAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>Runs <paramref name="actionName"/> on the incident; <paramref name="actor"/> is <c>playbook:NAME</c> or the ordering person's key id.</summary>
    public async Task<IncidentActionRecord> ActAsync(Incident incident, string actionName, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var action = _actions.TryGetValue(actionName, out var known)
            ? known
            : throw new ArgumentException($"'{actionName}' is not a containment action.", nameof(actionName));
        var outcome = await action.ExecuteAsync(incident, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var record = new IncidentActionRecord(now, action.Name, outcome.Target, actor, outcome.Description);
        await store.AddActionAsync(incident.Id, record, outcome.TookEffect ? IncidentStatus.Contained : IncidentStatus.Open, cancellationToken);
        var published = IncidentEvents.Contained(incident, action.Name, outcome, now);
        events.Publish(published);
        await auditLog.AppendAsync(IncidentEvents.AuditRecord(incident, action.Name, outcome, actor, published.Id, now), cancellationToken);
        return record;
    }
}
