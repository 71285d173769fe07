namespace Caduceus.Gateway.Audit;

/// <summary>A signed checkpoint as stored: ECDSA P-256 over <see cref="AuditChain.CheckpointPayload"/>. <see cref="Id"/> is 0 until stored.</summary>
public sealed record StoredAuditCheckpoint(long Id, long Sequence, byte[] Hash, long SignedAtMs, byte[] Signature);
