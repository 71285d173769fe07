namespace Caduceus.Gateway.Anomaly;

/// <summary>One request's contribution to its subject's current bucket.</summary>
internal sealed record WindowIncrement(bool Refused, bool OffHours, long Tokens, IReadOnlyCollection<string> PatientHashes);
