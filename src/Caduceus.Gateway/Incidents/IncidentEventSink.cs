using Caduceus.Events;

namespace Caduceus.Gateway.Incidents;

/// <summary>Hands security events to the incident worker without making the request wait.</summary>
internal sealed class IncidentEventSink(IncidentInbox inbox) : ISecurityEventSink
{
    public void Publish(SecurityEvent securityEvent) => inbox.Post(securityEvent);
}
