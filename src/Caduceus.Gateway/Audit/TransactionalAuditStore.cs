using System.Data.Common;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// The part of <see cref="IAuditStore"/> every SQL store shares: each operation runs <see cref="AuditStoreCommands"/>
/// inside one transaction that the concrete store opens with its own way of serializing writers on the chain head.
/// </summary>
public abstract class TransactionalAuditStore : IAuditStore
{
    public async Task<AuditBatch> AppendAsync(Func<AuditChainHead, AuditBatch> extend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extend);
        return await UseAsync(
            async (connection, transaction) =>
            {
                var batch = extend(await AuditStoreCommands.ReadHeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false));
                await AuditStoreCommands.InsertAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
                return batch;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<AuditChainHead> ReadHeadAsync(CancellationToken cancellationToken) =>
        UseAsync((connection, transaction) => AuditStoreCommands.ReadHeadAsync(connection, transaction, cancellationToken), cancellationToken);

    public Task<AuditPurge> PurgeThroughAsync(long checkpointSequence, bool dryRun, CancellationToken cancellationToken) =>
        UseAsync((connection, transaction) => AuditStoreCommands.PurgeThroughAsync(connection, transaction, checkpointSequence, dryRun, cancellationToken), cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Runs <paramref name="work"/> in a committed transaction that holds the store's write lock on the chain.</summary>
    protected abstract Task<T> UseAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);
}
