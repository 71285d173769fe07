namespace Caduceus.Gateway.Compliance;

/// <summary>A control as a report states it: its status, why, and the evidence read from configuration and records.</summary>
public sealed record ControlResult(string Id, string Title, ControlStatus Status, string Reason, IReadOnlyList<EvidenceItem> Evidence);
