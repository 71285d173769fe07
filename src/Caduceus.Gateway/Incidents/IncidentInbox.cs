using System.Threading.Channels;
using Caduceus.Events;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Security events waiting to be correlated. Bounded so a flood cannot exhaust memory; a full inbox drops the newest
/// event and counts it (the event still reaches the SIEM and the audit trail).
/// </summary>
internal sealed class IncidentInbox
{
    private const int Capacity = 50_000;
    private readonly Channel<SecurityEvent> _channel = Channel.CreateBounded<SecurityEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _dropped;

    public ChannelReader<SecurityEvent> Reader => _channel.Reader;

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Post(SecurityEvent securityEvent)
    {
        if (!_channel.Writer.TryWrite(securityEvent))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
