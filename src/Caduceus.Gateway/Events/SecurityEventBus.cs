using Caduceus.Events;

namespace Caduceus.Gateway.Events;

/// <summary>Hands each security event to every registered sink. Sinks must return quickly.</summary>
public sealed class SecurityEventBus(IEnumerable<ISecurityEventSink> sinks)
{
    private readonly ISecurityEventSink[] _sinks = sinks.ToArray();

    public void Publish(SecurityEvent securityEvent)
    {
        foreach (var sink in _sinks)
        {
            sink.Publish(securityEvent);
        }
    }
}
