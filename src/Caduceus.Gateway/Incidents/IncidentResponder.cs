using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Events;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Carries out containment orders on incidents, for playbooks and for people alike, and leaves the same trail for
/// both: the incident's action list, an <c>incident.contained</c> security event and an audit record. A playbook's
/// order on a drill incident is simulated: recorded as what would have been done, with no effect, so a drill tests
/// the response without shutting out the drill's own traffic. A person's order acts, drill or not.
/// </summary>
public sealed class IncidentResponder(
    IIncidentStore store,
    IEnumerable<IContainmentAction> actions,
    IAuditLog auditLog,
    SecurityEventBus events,
    TimeProvider timeProvider)
{
    public const string PlaybookActorPrefix = "playbook:";

    private readonly Dictionary<string, IContainmentAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>
    /// Carries out <paramref name="order"/> on the incident; <paramref name="actor"/> is <c>playbook:NAME</c>, a person's
    /// key id, or <c>cli:USER</c>.
    /// </summary>
    public async Task<ContainmentResult> ActAsync(Incident incident, ContainmentOrder order, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (order.Problem() is { } problem || !_actions.TryGetValue(order.Action, out var action))
        {
            throw new ArgumentException(order.Problem() ?? $"'{order.Action}' is not a containment action.", nameof(order));
        }

        var outcome = incident.Drill && actor.StartsWith(PlaybookActorPrefix, StringComparison.Ordinal)
            ? new ContainmentOutcome(false, incident.Subject, $"simulated: drill incident; the playbook would have ordered {order}")
            : await action.ExecuteAsync(incident, order.Argument, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var record = new IncidentActionRecord(now, order.ToString(), outcome.Target, actor, outcome.Description);
        await store.AddActionAsync(incident.Id, record, outcome.TookEffect ? IncidentStatus.Contained : incident.Status, cancellationToken);
        var published = events.Publish(IncidentEvents.Contained(incident, action.Name, outcome, now));
        await auditLog.AppendAsync(IncidentEvents.AuditRecord(incident, action.Name, outcome, actor, published.Id, now), cancellationToken);
        return new ContainmentResult(record, outcome.TookEffect);
    }

    /// <summary>
    /// Stops the breach clock: records that notice was given (or why none is due, after the 164.402 assessment), with
    /// an audit record. False when there is no such incident.
    /// </summary>
    public async Task<bool> RecordNotificationAsync(Incident incident, DateTimeOffset notifiedAt, string note, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        if (!await store.RecordNotificationAsync(incident.Id, notifiedAt, note, cancellationToken))
        {
            return false;
        }

        await auditLog.AppendAsync(IncidentEvents.NotificationRecord(incident, actor, timeProvider.GetUtcNow()), cancellationToken);
        return true;
    }
}
