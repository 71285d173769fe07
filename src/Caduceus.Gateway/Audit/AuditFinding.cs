namespace Caduceus.Gateway.Audit;

/// <summary>Findings of one type in a request: how many, and keyed hashes (HMAC-SHA256, hex) of their values; never the values.</summary>
public sealed record AuditFinding(string Type, int Count, IReadOnlyList<string> ValueHashes);
