using Caduceus.Events;
using Caduceus.Gateway.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Turns security events into incidents. Each playbook counts its matching events per subject over a sliding
/// window; at the threshold it opens an incident holding those events and runs its containment actions at once.
/// Events about a subject with an open incident join it as evidence (one attack, one incident); a second playbook that
/// reaches its threshold there escalates that incident (severity, categories, its own actions) instead of opening another. Actions go through <see cref="IncidentResponder"/>, which leaves their trail.
/// </summary>
internal sealed partial class IncidentWorker(
    IncidentInbox inbox,
    IncidentPlaybooks playbooks,
    IIncidentStore store,
    IDrillStore drills,
    IPlaybookWindows windows,
    IncidentResponder responder,
    SecurityEventBus events,
    TimeProvider timeProvider,
    ILogger<IncidentWorker> logger) : BackgroundService
{
    private const string EscalateAction = "escalate";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var securityEvent in inbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await HandleAsync(securityEvent, stoppingToken);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or TimeoutException or InvalidOperationException or IOException)
            {
                LogHandlingFailed(logger, securityEvent.Id, exception.GetType().Name);
            }
        }
    }

    private async Task HandleAsync(SecurityEvent securityEvent, CancellationToken cancellationToken)
    {
        foreach (var playbook in playbooks.All)
        {
            if (!playbook.Matches(securityEvent))
            {
                continue;
            }

            var subject = playbook.SubjectOf(securityEvent);
            var open = subject == Playbook.UnknownSubject || await store.FindOpenAsync(playbook.Name, subject, cancellationToken) is not { } openId
                ? null
                : await store.GetAsync(openId, cancellationToken);
            if (open is not null)
            {
                // Correlated: the event is evidence of the attack already being handled.
                await store.AddEventsAsync(open.Id, [Evidence(securityEvent)], securityEvent.Time, cancellationToken);
                if (HasFired(open, playbook))
                {
                    continue;
                }
            }

            if (await windows.CountAsync(playbook, subject, Evidence(securityEvent), cancellationToken) is { } reached)
            {
                var evidence = reached.ToArray();
                if (open is null)
                {
                    await OpenAsync(playbook, subject, securityEvent, evidence, cancellationToken);
                }
                else
                {
                    await EscalateAsync(open, playbook, evidence, cancellationToken);
                }
            }
        }
    }

    /// <summary>Whether the playbook already opened or escalated the incident (its actions ran).</summary>
    private static bool HasFired(Incident incident, Playbook playbook) =>
        incident.Playbook == playbook.Name
        || incident.Actions.Any(a => a.Action == EscalateAction && a.Actor == Actor(playbook));

    /// <summary>
    /// A second playbook reached its threshold on a subject whose incident is open: the incident takes the higher
    /// severity and both classifications, and this playbook's actions run too.
    /// </summary>
    private async Task EscalateAsync(Incident incident, Playbook playbook, IncidentEvent[] evidence, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var severity = (IncidentSeverity)Math.Max((int)incident.Severity, (int)playbook.Severity);
        var categories = incident.Categories.Union(playbook.Categories, StringComparer.Ordinal).ToArray();
        await store.AddEventsAsync(incident.Id, evidence, now, cancellationToken);
        await store.EscalateAsync(incident.Id, severity, categories, now, cancellationToken);
        var escalation = new IncidentActionRecord(now, EscalateAction, incident.Subject, Actor(playbook), $"playbook {playbook.Name} reached its threshold; severity {severity}");
        await store.AddActionAsync(incident.Id, escalation, incident.Status, cancellationToken);
        var escalated = incident with { Severity = severity, Categories = categories };
        foreach (var name in playbook.Actions)
        {
            await responder.ActAsync(escalated, name, Actor(playbook), cancellationToken);
        }
    }

    private static string Actor(Playbook playbook) => IncidentResponder.PlaybookActorPrefix + playbook.Name;

    private async Task OpenAsync(Playbook playbook, string subject, SecurityEvent trigger, IncidentEvent[] evidence, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var incident = new Incident
        {
            Id = Incident.NewId(),
            Playbook = playbook.Name,
            Subject = subject,
            Application = trigger.Application,
            Severity = playbook.Severity,
            Categories = playbook.Categories,
            Status = IncidentStatus.Open,
            Drill = trigger.Principal is { } principal && await drills.ActiveForAsync(principal, now, cancellationToken) is not null,
            OpenedAt = now,
            UpdatedAt = now,
            Events = evidence,
        };
        try
        {
            await store.CreateAsync(incident, cancellationToken);
        }
        catch (IncidentAlreadyOpenException twin)
        {
            // Another instance opened this playbook's incident for the subject a moment ago: one attack, one incident.
            if (await store.GetAsync(twin.IncidentId, cancellationToken) is { } open)
            {
                await store.AddEventsAsync(open.Id, evidence, now, cancellationToken);
            }

            return;
        }

        events.Publish(IncidentEvents.Opened(incident, now));
        LogOpened(logger, incident.Id, playbook.Name, evidence.Length);

        foreach (var name in playbook.Actions)
        {
            await responder.ActAsync(incident, name, Actor(playbook), cancellationToken);
        }
    }

    private static IncidentEvent Evidence(SecurityEvent securityEvent) =>
        new(securityEvent.Id, securityEvent.Time, securityEvent.Type, securityEvent.Code, securityEvent.Route, securityEvent.EntityCounts, securityEvent.Source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} opened by playbook {Playbook} from {EventCount} events")]
    private static partial void LogOpened(ILogger logger, string incidentId, string playbook, int eventCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Security event {EventId} could not be correlated into incidents: {Error}")]
    private static partial void LogHandlingFailed(ILogger logger, string eventId, string error);
}
