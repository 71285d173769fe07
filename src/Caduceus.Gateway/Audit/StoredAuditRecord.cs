namespace Caduceus.Gateway.Audit;

/// <summary>One row of the chain as stored: the canonical JSON that was hashed, and the hashes around it.</summary>
public sealed record StoredAuditRecord(long Sequence, byte[] CanonicalJson, byte[] PreviousHash, byte[] Hash);
