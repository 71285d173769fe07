using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>Stores the sightings the request path queued, off the request path.</summary>
internal sealed partial class ThreatSightingWriter(ThreatSightings sightings, IThreatIndicatorStore store, ILogger<ThreatSightingWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var sighting in sightings.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await store.RecordSightingAsync(sighting, stoppingToken);
                }
                catch (SqliteException exception)
                {
                    LogWriteFailed(logger, sighting.Kind, exception.SqliteErrorCode);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A threat indicator sighting ({Kind}) could not be stored: SQLite error {ErrorCode}")]
    private static partial void LogWriteFailed(ILogger logger, ThreatIndicatorKind kind, int errorCode);
}
