using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// One pull of a feed: from the stored <c>added_after</c>, page after page (<c>more</c>/<c>next</c>, at most
/// <see cref="MaxPages"/>), importing each page and storing the server's X-TAXII-Date-Added-Last as it goes, so a
/// failure part-way loses nothing already imported. A failure is recorded and logged (without credentials), never thrown.
/// </summary>
internal sealed partial class TaxiiFeedPuller(
    TaxiiClient client,
    TaxiiFeedImporter importer,
    IThreatFeedStore feeds,
    TimeProvider timeProvider,
    ILogger<TaxiiFeedPuller> logger)
{
    public const int MaxPages = 100;

    public async Task<TaxiiPullResult> PullAsync(TaxiiFeedOptions feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var total = new StixObjectCounts();
        var pages = 0;
        try
        {
            var addedAfter = await feeds.AddedAfterAsync(feed.Name, cancellationToken);
            string? next = null;
            while (pages < MaxPages)
            {
                var page = await client.GetObjectsAsync(feed, addedAfter, next, cancellationToken);
                pages++;
                var counts = await importer.ImportAsync(feed.Name, page.Objects, cancellationToken);
                await feeds.RecordPageAsync(feed.Name, page.DateAddedLast, counts, timeProvider.GetUtcNow(), cancellationToken);
                total.Imported += counts.Imported;
                total.Unsupported += counts.Unsupported;
                total.Malformed += counts.Malformed;
                total.Ignored += counts.Ignored;
                if (!page.More || string.IsNullOrEmpty(page.Next) || page.Next == next)
                {
                    break;
                }

                next = page.Next;
            }

            LogPulled(logger, feed.Name, pages, total.Imported, total.Unsupported, total.Malformed, total.Ignored);
            return new TaxiiPullResult(pages, total, null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is TaxiiFeedException or HttpRequestException
            or JsonException or TaskCanceledException or TimeoutRejectedException or BrokenCircuitException or System.Data.Common.DbException)
        {
            var error = exception is TaxiiFeedException ? exception.Message : exception.GetType().Name;
            LogPullFailed(logger, feed.Name, error);
            try
            {
                await feeds.RecordErrorAsync(feed.Name, error, timeProvider.GetUtcNow(), cancellationToken);
            }
            catch (System.Data.Common.DbException)
            {
                // Already logged above; the next poll tries again.
            }

            return new TaxiiPullResult(pages, total, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "TAXII feed {Feed}: {Pages} page(s), {Imported} imported, {Unsupported} unsupported, {Malformed} malformed, {Ignored} ignored")]
    private static partial void LogPulled(ILogger logger, string feed, int pages, int imported, int unsupported, int malformed, int ignored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TAXII feed {Feed} could not be pulled: {Error}")]
    private static partial void LogPullFailed(ILogger logger, string feed, string error);
}
