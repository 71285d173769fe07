using Caduceus.Events;

namespace Caduceus.Gateway.Anomaly;

/// <summary>An anomaly and whose request raised it (key id and application, for the event's principal and application).</summary>
internal sealed record DetectedAnomaly(AnomalyDetail Detail, string? KeyId, string? Application, DateTimeOffset Time);
