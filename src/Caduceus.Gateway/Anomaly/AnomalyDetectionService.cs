using Caduceus.Events;
using Caduceus.Gateway.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// Runs queued observations through the detector and raises an <see cref="SecurityEventTypes.AnomalyDetected"/>
/// event for each anomaly. Detection watches; it does not gate requests, so a failing state store is logged (with
/// no observation data) and detection carries on with the next request.
/// </summary>
internal sealed partial class AnomalyDetectionService(
    AnomalyObservationQueue queue, AnomalyDetector detector, SecurityEventBus events, ILogger<AnomalyDetectionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var observation in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    foreach (var anomaly in await detector.ObserveAsync(observation, stoppingToken))
                    {
                        events.Publish(new SecurityEvent(
                            SecurityEventIds.New(), anomaly.Time, SecurityEventTypes.AnomalyDetected, anomaly.Detail.Metric,
                            anomaly.Application, anomaly.KeyId, null, new Dictionary<string, int>(), [], anomaly.Detail));
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogDetectionFailed(logger, exception.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 1700, Level = LogLevel.Warning, Message = "Anomaly detection failed on one request ({ExceptionType}); carrying on")]
    private static partial void LogDetectionFailed(ILogger logger, string exceptionType);
}
