using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// Pulls every configured feed at start-up and then every <see cref="TaxiiFeedOptions.PollInterval"/>. Instances that
/// share state pull each feed once per round between them: a round is pulled only by the instance holding the feed's
/// lock (<see cref="IThreatFeedPollLock"/>), and not at all when another instance polled the feed less than half an
/// interval ago.
/// </summary>
internal sealed partial class TaxiiFeedPoller(
    TaxiiFeedPuller puller,
    IThreatFeedPollLock pollLock,
    IThreatFeedStore feeds,
    IOptions<ThreatIntelOptions> options,
    TimeProvider timeProvider,
    ILogger<TaxiiFeedPoller> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Feeds.Select(feed => PollAsync(feed, stoppingToken)));

    /// <summary>One round of <paramref name="feed"/>: true when this instance pulled it, false when it left it to another.</summary>
    internal async Task<bool> PollOnceAsync(TaxiiFeedOptions feed, CancellationToken cancellationToken)
    {
        try
        {
            await using var held = await pollLock.TryAcquireAsync(feed.Name, cancellationToken);
            if (held is null)
            {
                LogSkippedLocked(logger, feed.Name);
                return false;
            }

            var polledAt = (await feeds.ListAsync(cancellationToken)).FirstOrDefault(state => state.Name == feed.Name)?.LastPolledAt;
            if (polledAt is { } last && timeProvider.GetUtcNow() - last < feed.PollInterval / 2)
            {
                LogSkippedRecent(logger, feed.Name);
                return false;
            }

            await puller.PullAsync(feed, cancellationToken);
            return true;
        }
        catch (DbException exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogLockFailed(logger, feed.Name, exception.GetType().Name);
            return false;
        }
    }

    private async Task PollAsync(TaxiiFeedOptions feed, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await PollOnceAsync(feed, stoppingToken);
                await Task.Delay(feed.PollInterval, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "TAXII feed {Feed}: another instance is pulling it; skipping this round")]
    private static partial void LogSkippedLocked(ILogger logger, string feed);

    [LoggerMessage(Level = LogLevel.Information, Message = "TAXII feed {Feed}: polled less than half an interval ago (by another instance); skipping this round")]
    private static partial void LogSkippedRecent(ILogger logger, string feed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TAXII feed {Feed}: the feed's state could not be read ({Error}); skipping this round")]
    private static partial void LogLockFailed(ILogger logger, string feed, string error);
}
