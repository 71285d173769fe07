namespace Caduceus.Gateway.Audit;

/// <summary>
/// Where the chain is kept (SQLite, PostgreSQL). A store knows nothing of queues, hashing or signing: it runs
/// transactions in which the head is read under a lock that every writer of the same chain respects, so several
/// gateway instances sharing one store still extend one contiguous chain. The schema is created on first use.
/// </summary>
public interface IAuditStore : IAsyncDisposable
{
    /// <summary>
    /// In one transaction: locks and reads the head, asks <paramref name="extend"/> what to add on top of it, writes
    /// that, and commits. Returns what was written; throws (and writes nothing) when the store fails.
    /// </summary>
    Task<AuditBatch> AppendAsync(Func<AuditChainHead, AuditBatch> extend, CancellationToken cancellationToken);

    /// <summary>The head as committed now (for retention, which must never purge the last record).</summary>
    Task<AuditChainHead> ReadHeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes records up to and including <paramref name="checkpointSequence"/> and the checkpoints before it, keeping
    /// the checkpoint there as the anchor. Refuses (<see cref="InvalidOperationException"/>) unless a checkpoint names
    /// exactly that record with its stored hash, and a later record exists. <paramref name="dryRun"/> only counts.
    /// </summary>
    Task<AuditPurge> PurgeThroughAsync(long checkpointSequence, bool dryRun, CancellationToken cancellationToken);
}
