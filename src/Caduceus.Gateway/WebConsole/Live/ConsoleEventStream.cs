using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Caduceus.Gateway.WebConsole.Live;

/// <summary>
/// <c>GET /console/events/stream</c>: server-sent events, one <c>security</c> event per security event, and a
/// comment every 15 seconds so proxies keep the connection open. Ends when the browser goes away.
/// </summary>
internal static class ConsoleEventStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task WriteAsync(HttpContext context, ConsoleEventFeed feed, IHostApplicationLifetime lifetime)
    {
        using var subscription = feed.Subscribe();
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        // A stream never ends by itself: the gateway's shutdown ends it too, so stopping does not wait for browsers.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var aborted = ending.Token;
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wait.CancelAfter(KeepAlive);
                string chunk;
                try
                {
                    var next = await subscription.Events.ReadAsync(wait.Token);
                    chunk = "event: security\ndata: " + ConsoleEventJson.Serialize(next) + "\n\n";
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    chunk = ": keep-alive\n\n";
                }

                await context.Response.WriteAsync(chunk, aborted);
                await context.Response.Body.FlushAsync(aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The browser closed the page, or the gateway is stopping.
        }
    }
}
