namespace Caduceus.Gateway.Events;

/// <summary>The body of <c>GET /monitor/events</c>.</summary>
public sealed record MonitorEventPage(IReadOnlyList<MonitorEvent> Events);
