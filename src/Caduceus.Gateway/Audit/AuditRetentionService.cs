using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// Applies <see cref="AuditOptions.RetentionDays"/> once during start-up (awaited, so an audit store that cannot be
/// reached stops the gateway rather than its first request) and then daily. Several instances sharing a store may
/// all run it: a purge that finds nothing new does nothing.
/// </summary>
internal sealed partial class AuditRetentionService(
    AuditRetention retention,
    AuditOptions options,
    TimeProvider timeProvider,
    ILogger<AuditRetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromDays(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await PurgeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Old records stay a day longer; the next tick tries again.
                LogPurgeFailed(exception.GetType().Name);
            }
        }
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var before = timeProvider.GetUtcNow().AddDays(-options.RetentionDays);
        if (await retention.PurgeAsync(before, dryRun: false, cancellationToken) is { } purge)
        {
            LogPurged(purge.Records, purge.FirstSequence, purge.ThroughSequence, options.RetentionDays);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Audit retention purged {Count} records ({First} to {Through}) older than {Days} days.")]
    private partial void LogPurged(long count, long first, long through, int days);

    // The type only: a store exception's message may quote connection details.
    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Audit retention purge failed ({ExceptionType}).")]
    private partial void LogPurgeFailed(string exceptionType);
}
