using Caduceus.Events;

namespace Caduceus.Gateway.Events;

/// <summary>A security event as <c>/monitor/events</c> shows it: the event's own fields, with the anomaly's numbers flattened.</summary>
public sealed record MonitorEvent(
    string Id,
    DateTimeOffset Time,
    string Type,
    string? Code,
    string? Application,
    string? Principal,
    string? Route,
    IReadOnlyDictionary<string, int> EntityCounts,
    AnomalyDetail? Anomaly)
{
    public static MonitorEvent From(SecurityEvent securityEvent)
    {
        ArgumentNullException.ThrowIfNull(securityEvent);
        return new(
            securityEvent.Id,
            securityEvent.Time,
            securityEvent.Type,
            securityEvent.Code,
            securityEvent.Application,
            securityEvent.Principal,
            securityEvent.Route,
            securityEvent.EntityCounts,
            securityEvent.Anomaly);
    }
}
