using Caduceus.Events;

namespace Caduceus.Gateway.Events;

/// <summary>Hands each security event to every registered sink. Sinks must return quickly.</summary>
public sealed class SecurityEventBus(IEnumerable<ISecurityEventSink> sinks, TimeProvider timeProvider)
{
    private readonly ISecurityEventSink[] _sinks = sinks.ToArray();

    /// <summary>
    /// Raises an event that involves no findings (a refused key, token, certificate, role or verification), stamped
    /// now, and returns it so its id can be quoted to the client.
    /// </summary>
    public SecurityEvent Publish(string type, string? code, string? application, string? principal, string? route)
    {
        var securityEvent = new SecurityEvent(
            SecurityEventIds.New(), timeProvider.GetUtcNow(), type, code, application, principal, route, new Dictionary<string, int>(), []);
        Publish(securityEvent);
        return securityEvent;
    }

    public void Publish(SecurityEvent securityEvent)
    {
        foreach (var sink in _sinks)
        {
            sink.Publish(securityEvent);
        }
    }
}
