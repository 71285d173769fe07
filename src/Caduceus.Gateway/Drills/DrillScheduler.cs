using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Drills;

/// <summary>
/// Runs each schedule's drill when its cron expression falls due (UTC), one run at a time, and on one instance only
/// when instances share state (<see cref="IDrillRunClaims"/>). The clock is read at least once a second rather than
/// slept on until the due time, so a wall clock that is set forward (or a test's clock) is followed at once.
/// </summary>
internal sealed partial class DrillScheduler(
    DrillSchedules schedules,
    ScheduledDrillRunner runner,
    IDrillRunClaims claims,
    TimeProvider clock,
    TimeProvider timeProvider,
    ILogger<DrillScheduler> logger) : BackgroundService
{
    /// <summary>A keyed <see cref="TimeProvider"/> registered under this key replaces the gateway's clock for due times only.</summary>
    public const string ClockKey = "drill-schedule";

    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset?> _next = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When the schedule runs next, or null when it never will (or scheduling has not started).</summary>
    public DateTimeOffset? NextRunAt(string schedule) => _next.GetValueOrDefault(schedule);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var schedule in schedules.All)
        {
            _next[schedule.Name] = schedule.NextAfter(now);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (schedules.All.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var schedule in schedules.All)
            {
                var now = clock.GetUtcNow();
                if (_next.GetValueOrDefault(schedule.Name) is not { } due || due > now)
                {
                    continue;
                }

                _next[schedule.Name] = schedule.NextAfter(now);
                try
                {
                    // Instances sharing state agree on one runner per due time; the others skip it.
                    if (await claims.TryClaimAsync(schedule.Name, due, stoppingToken))
                    {
                        await runner.RunAsync(schedule, stoppingToken);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A broken run must not stop the other schedules; the type is enough to look into it.
                    LogRunFailed(logger, schedule.Name, exception.GetType().Name);
                }
            }

            try
            {
                await Task.Delay(MaxSleep, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled drill {Schedule} failed unexpectedly: {Error}")]
    private static partial void LogRunFailed(ILogger logger, string schedule, string error);
}
