using Caduceus.Events;
using Caduceus.Gateway.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Keeps the breach notification clock in front of people: every <see cref="Interval"/> it looks at open possible
/// breaches and raises <c>incident.notification_due</c> (code <c>due_soon</c> or <c>overdue</c>) once per incident and
/// state in this process's life, so the reminder reaches the SIEM without flooding it.
/// </summary>
internal sealed partial class BreachClockService(
    IIncidentStore store,
    SecurityEventBus events,
    TimeProvider timeProvider,
    ILogger<BreachClockService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly HashSet<(string IncidentId, BreachClockState State)> _raised = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
            {
                LogCheckFailed(logger, exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One look at the clock; returns the reminders raised.</summary>
    internal async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var raised = 0;
        foreach (var incident in await store.ListAsync(includeClosed: true, cancellationToken))
        {
            var state = BreachClock.StateOf(incident, now);
            if (state is not (BreachClockState.DueSoon or BreachClockState.Overdue) || !_raised.Add((incident.Id, state)))
            {
                continue;
            }

            events.Publish(new SecurityEvent(
                SecurityEventIds.New(),
                now,
                SecurityEventTypes.IncidentNotificationDue,
                state == BreachClockState.Overdue ? "overdue" : "due_soon",
                incident.Application,
                incident.Id,
                null,
                new Dictionary<string, int>(),
                []));
            raised++;
        }

        return raised;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The breach notification clock could not be checked: {Error}")]
    private static partial void LogCheckFailed(ILogger logger, string error);
}
