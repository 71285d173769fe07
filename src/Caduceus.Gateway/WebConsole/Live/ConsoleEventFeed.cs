using System.Collections.Concurrent;
using System.Threading.Channels;
using Caduceus.Events;

namespace Caduceus.Gateway.WebConsole.Live;

/// <summary>
/// A security event sink that fans events out to the console's live streams. Each open stream has a small bounded
/// queue that drops its oldest events when a slow browser falls behind, so publishing never waits.
/// </summary>
internal sealed class ConsoleEventFeed : ISecurityEventSink
{
    private const int QueueCapacity = 256;
    private readonly ConcurrentDictionary<Channel<SecurityEvent>, byte> _subscribers = new();

    public void Publish(SecurityEvent securityEvent)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Writer.TryWrite(securityEvent);
        }
    }

    /// <summary>A queue of the events published from now on; disposing the subscription ends it.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<SecurityEvent>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _subscribers[channel] = 0;
        return new Subscription(this, channel);
    }

    /// <summary>One live stream's queue.</summary>
    internal sealed class Subscription(ConsoleEventFeed feed, Channel<SecurityEvent> channel) : IDisposable
    {
        public ChannelReader<SecurityEvent> Events => channel.Reader;

        public void Dispose()
        {
            feed._subscribers.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        }
    }
}
