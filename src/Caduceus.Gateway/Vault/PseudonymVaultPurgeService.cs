using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Vault;

/// <summary>Deletes expired pseudonyms every <see cref="VaultOptions.PurgeInterval"/>, starting at start-up.</summary>
internal sealed partial class PseudonymVaultPurgeService(
    IPseudonymVault vault,
    IOptions<VaultOptions> options,
    TimeProvider timeProvider,
    ILogger<PseudonymVaultPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, timeProvider);
        do
        {
            try
            {
                var purged = await vault.PurgeExpiredAsync(stoppingToken);
                if (purged > 0)
                {
                    LogPurged(purged);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; meanwhile expired rows are already invisible to readers.
                LogPurgeFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Purged {Count} expired pseudonyms.")]
    private partial void LogPurged(int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Purging expired pseudonyms failed.")]
    private partial void LogPurgeFailed(Exception exception);
}
