namespace Caduceus.Gateway.Audit;

/// <summary>
/// Reads a stored audit trail back, oldest first, for verification, search and export. Every store (SQLite,
/// PostgreSQL) implements it; filtering by content happens above it, on the parsed records.
/// </summary>
public interface IAuditReader
{
    /// <summary>Stored records with a sequence number greater than <paramref name="afterSequence"/>, in sequence order.</summary>
    IAsyncEnumerable<StoredAuditRecord> ReadAsync(long afterSequence, CancellationToken cancellationToken);

    /// <summary>Stored checkpoints in the order they were written.</summary>
    IAsyncEnumerable<StoredAuditCheckpoint> ReadCheckpointsAsync(CancellationToken cancellationToken);
}
