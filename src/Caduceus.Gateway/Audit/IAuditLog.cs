namespace Caduceus.Gateway.Audit;

/// <summary>
/// The durable, hash-chained audit trail. <see cref="AppendAsync"/> completes only once the record is committed,
/// so a caller that awaits it before answering never answers unaudited. Implementations: SQLite (embedded); a
/// shared store (PostgreSQL) keeps the same contract with one chain per deployment.
/// </summary>
public interface IAuditLog
{
    /// <summary>Commits <paramref name="record"/> at the end of the chain and returns its sequence number.</summary>
    ValueTask<long> AppendAsync(AuditRecord record, CancellationToken cancellationToken);
}
