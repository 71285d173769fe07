using Caduceus.Events;
using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.Incidents;

/// <summary>The security events and audit records that incidents themselves produce.</summary>
internal static class IncidentEvents
{
    public static SecurityEvent Opened(Incident incident, DateTimeOffset now) => new(
        SecurityEventIds.New(),
        now,
        SecurityEventTypes.IncidentOpened,
        incident.Playbook,
        incident.Application,
        incident.Subject,
        null,
        EntityCounts(incident),
        []);

    public static SecurityEvent Contained(Incident incident, string action, ContainmentOutcome outcome, DateTimeOffset now) => new(
        SecurityEventIds.New(),
        now,
        SecurityEventTypes.IncidentContained,
        outcome.TookEffect ? action : action + "_not_applied",
        incident.Application,
        outcome.Target,
        null,
        new Dictionary<string, int>(),
        []);

    /// <summary>An automatic or manual containment action as the audit trail keeps it (kind <c>incident</c>).</summary>
    public static AuditRecord AuditRecord(Incident incident, string action, ContainmentOutcome outcome, string actor, string eventId, DateTimeOffset now) => new()
    {
        Time = now,
        Kind = "incident",
        Method = "ACTION",
        Route = $"incidents/{incident.Id}/{action}",
        Status = outcome.TookEffect ? 200 : 409,
        Decision = outcome.TookEffect ? AuditDecisions.Contained : AuditDecisions.NotApplied,
        Code = action,
        KeyId = actor,
        Application = incident.Application,
        EventIds = [eventId],
    };

    /// <summary>A person recording an incident's breach notification, as the audit trail keeps it (never the note, which is free text).</summary>
    public static AuditRecord NotificationRecord(Incident incident, string actor, DateTimeOffset now) => new()
    {
        Time = now,
        Kind = "incident",
        Method = "ACTION",
        Route = $"incidents/{incident.Id}/notification",
        Status = 200,
        Decision = AuditDecisions.Notified,
        Code = "breach_notification",
        KeyId = actor,
        Application = incident.Application,
        EventIds = [],
    };

    /// <summary>A person lifting a containment block, as the audit trail keeps it.</summary>
    public static AuditRecord LiftRecord(ContainmentBlock block, string actor, DateTimeOffset now) => new()
    {
        Time = now,
        Kind = "incident",
        Method = "ACTION",
        Route = block.IncidentId is null ? $"blocks/{block.Id}/lift" : $"incidents/{block.IncidentId}/lift",
        Status = 200,
        Decision = AuditDecisions.Lifted,
        Code = block.Action,
        KeyId = actor,
        Application = block.Kind is ContainmentBlockKind.Application or ContainmentBlockKind.StrictPolicy or ContainmentBlockKind.Tools or ContainmentBlockKind.Reverification
            ? block.Value
            : null,
        EventIds = [],
    };

    private static Dictionary<string, int> EntityCounts(Incident incident)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (type, count) in incident.Events.SelectMany(e => e.EntityCounts))
        {
            counts[type] = counts.GetValueOrDefault(type) + count;
        }

        return counts;
    }
}
