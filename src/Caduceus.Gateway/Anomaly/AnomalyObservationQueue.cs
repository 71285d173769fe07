using System.Threading.Channels;

namespace Caduceus.Gateway.Anomaly;

/// <summary>Observations waiting for the detector; bounded, so a slow state store costs observations, not requests.</summary>
internal sealed class AnomalyObservationQueue
{
    private const int Capacity = 10_000;
    private readonly Channel<RequestObservation> _channel = Channel.CreateBounded<RequestObservation>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;

    /// <summary>Observations dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<RequestObservation> Reader => _channel.Reader;

    public void Enqueue(RequestObservation observation)
    {
        if (!_channel.Writer.TryWrite(observation))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
