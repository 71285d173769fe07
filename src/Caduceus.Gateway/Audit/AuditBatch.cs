namespace Caduceus.Gateway.Audit;

/// <summary>What one write transaction adds to the chain: records already chained onto the head, and perhaps a checkpoint.</summary>
public sealed record AuditBatch(IReadOnlyList<StoredAuditRecord> Records, StoredAuditCheckpoint? Checkpoint)
{
    public static AuditBatch Nothing { get; } = new([], null);
}
