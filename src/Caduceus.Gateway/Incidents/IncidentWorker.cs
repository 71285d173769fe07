using Caduceus.Events;
using Caduceus.Gateway.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Turns security events into incidents. Each playbook counts its matching events per subject over a sliding
/// window; at the threshold it opens an incident holding those events and runs its containment actions at once.
/// Later events for a subject with an open incident join that incident (one attack, one incident) instead of opening
/// new ones. Actions go through <see cref="IncidentResponder"/>, which leaves their trail.
/// </summary>
internal sealed partial class IncidentWorker(
    IncidentInbox inbox,
    IncidentPlaybooks playbooks,
    IIncidentStore store,
    IncidentResponder responder,
    SecurityEventBus events,
    TimeProvider timeProvider,
    ILogger<IncidentWorker> logger) : BackgroundService
{
    private readonly Dictionary<(string Playbook, string Subject), Queue<SecurityEvent>> _windows = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var securityEvent in inbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await HandleAsync(securityEvent, stoppingToken);
            }
            catch (Exception exception) when (exception is SqliteException or InvalidOperationException or IOException)
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
            if (await store.FindOpenAsync(playbook.Name, subject, cancellationToken) is { } openIncident)
            {
                await store.AddEventsAsync(openIncident, [Evidence(securityEvent)], securityEvent.Time, cancellationToken);
                continue;
            }

            var window = Window(playbook, subject, securityEvent);
            if (window.Count >= playbook.Threshold)
            {
                var evidence = window.Select(Evidence).ToArray();
                window.Clear();
                await OpenAsync(playbook, subject, securityEvent, evidence, cancellationToken);
            }
        }
    }

    private Queue<SecurityEvent> Window(Playbook playbook, string subject, SecurityEvent securityEvent)
    {
        if (!_windows.TryGetValue((playbook.Name, subject), out var window))
        {
            window = new Queue<SecurityEvent>();
            _windows[(playbook.Name, subject)] = window;
        }

        window.Enqueue(securityEvent);
        while (window.Count > 0 && window.Peek().Time < securityEvent.Time - playbook.Window)
        {
            window.Dequeue();
        }

        return window;
    }

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
            OpenedAt = now,
            UpdatedAt = now,
            Events = evidence,
        };
        await store.CreateAsync(incident, cancellationToken);
        events.Publish(IncidentEvents.Opened(incident, now));
        LogOpened(logger, incident.Id, playbook.Name, evidence.Length);

        foreach (var name in playbook.Actions)
        {
            await responder.ActAsync(incident, name, actor: "playbook:" + playbook.Name, cancellationToken);
        }
    }

    private static IncidentEvent Evidence(SecurityEvent securityEvent) =>
        new(securityEvent.Id, securityEvent.Time, securityEvent.Type, securityEvent.Code, securityEvent.Route, securityEvent.EntityCounts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} opened by playbook {Playbook} from {EventCount} events")]
    private static partial void LogOpened(ILogger logger, string incidentId, string playbook, int eventCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Security event {EventId} could not be correlated into incidents: {Error}")]
    private static partial void LogHandlingFailed(ILogger logger, string eventId, string error);
}
