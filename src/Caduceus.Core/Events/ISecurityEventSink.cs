namespace Caduceus.Events;

/// <summary>Receives security events. Implementations must not block the request path.</summary>
public interface ISecurityEventSink
{
    void Publish(SecurityEvent securityEvent);
}
