using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>Pulls every configured feed at start-up and then every <see cref="TaxiiFeedOptions.PollInterval"/>.</summary>
internal sealed class TaxiiFeedPoller(TaxiiFeedPuller puller, IOptions<ThreatIntelOptions> options, TimeProvider timeProvider) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Feeds.Select(feed => PollAsync(feed, stoppingToken)));

    private async Task PollAsync(TaxiiFeedOptions feed, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await puller.PullAsync(feed, stoppingToken);
                await Task.Delay(feed.PollInterval, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
