using Caduceus.Events;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Incidents;
using Caduceus.RedTeam.Attacks;

namespace Caduceus.Gateway.Drills;

/// <summary>
/// Opens the drill incident of a schedule whose run fell short, through the incident machinery: stored, raised as
/// <c>incident.opened</c>, its findings recorded on it, and the schedule's actions ordered by its playbook (simulated,
/// since the incident is a drill). A schedule with an incident still open gets the new run added to it instead.
/// </summary>
internal sealed class DrillIncidents(IIncidentStore store, IncidentResponder responder, SecurityEventBus events, TimeProvider timeProvider)
{
    /// <summary>The playbook name drill incidents carry.</summary>
    public const string Playbook = "scheduled-drill";

    private const string FindingsAction = "drill_findings";

    private const string Evaluation = "HIPAA 45 CFR 164.308(a)(8) Evaluation";

    /// <summary>
    /// The incident subject of a schedule. Prefixed so that no caller's or application's events can join a drill
    /// incident (where their playbooks' actions would only be simulated).
    /// </summary>
    public static string Subject(DrillSchedule schedule) => "drill-schedule:" + schedule.Name;

    public async Task<string> OpenAsync(DrillSchedule schedule, SecurityEvent completed, IReadOnlyList<string> findings, IEnumerable<string> failingCategories, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var subject = Subject(schedule);
        var actor = IncidentResponder.PlaybookActorPrefix + Playbook;
        var evidence = new IncidentEvent(completed.Id, completed.Time, completed.Type, completed.Code, completed.Route, completed.EntityCounts, completed.Source);
        var record = new IncidentActionRecord(now, FindingsAction, subject, actor, string.Join("; ", findings));
        if (await store.FindOpenAsync(Playbook, subject, cancellationToken) is { } openId && await store.GetAsync(openId, cancellationToken) is { Drill: true } open)
        {
            await store.AddEventsAsync(open.Id, [evidence], now, cancellationToken);
            await store.AddActionAsync(open.Id, record, open.Status, cancellationToken);
            return open.Id;
        }

        var incident = new Incident
        {
            Id = Incident.NewId(),
            Playbook = Playbook,
            Subject = subject,
            Application = schedule.Application,
            Severity = IncidentSeverity.Medium,
            Categories = [.. failingCategories.Select(id => $"OWASP {id}:2025 {OwaspCategory.Title(id)}"), Evaluation],
            Status = IncidentStatus.Open,
            Drill = true,
            OpenedAt = now,
            UpdatedAt = now,
            Events = [evidence],
        };
        await store.CreateAsync(incident, cancellationToken);
        events.Publish(IncidentEvents.Opened(incident, now));
        await store.AddActionAsync(incident.Id, record, incident.Status, cancellationToken);
        foreach (var order in schedule.IncidentActions)
        {
            await responder.ActAsync(incident, order, actor, cancellationToken);
        }

        return incident.Id;
    }
}
