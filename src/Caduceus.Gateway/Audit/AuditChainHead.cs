namespace Caduceus.Gateway.Audit;

/// <summary>
/// The end of the chain as a store holds it inside a write transaction: the last record's sequence and hash (or,
/// after a retention purge removed every record, the anchoring checkpoint's) and the last checkpoint, which sets the
/// checkpoint cadence for every writer sharing the store.
/// </summary>
public sealed record AuditChainHead(long Sequence, byte[] Hash, long CheckpointSequence, long? CheckpointSignedAtMs)
{
    public static AuditChainHead Empty { get; } = new(0, AuditChain.Genesis, 0, null);
}
