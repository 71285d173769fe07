using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Vault;

/// <summary>
/// Deletes expired pseudonyms every <see cref="VaultOptions.PurgeInterval"/>. The first purge runs during start-up and
/// is awaited, so a vault that cannot be used (wrong key, unreadable database) stops the gateway from starting
/// rather than failing the first request that needs it.
/// </summary>
internal sealed partial class PseudonymVaultPurgeService(
    IPseudonymVault vault,
    IOptions<VaultOptions> options,
    TimeProvider timeProvider,
    ILogger<PseudonymVaultPurgeService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var purged = await vault.PurgeExpiredAsync(cancellationToken);
        if (purged > 0)
        {
            LogPurged(purged);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
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
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Purged {Count} expired pseudonyms.")]
    private partial void LogPurged(int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Purging expired pseudonyms failed.")]
    private partial void LogPurgeFailed(Exception exception);
}
