using System.Data.Common;
using Npgsql;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// The shared store for several gateway instances: every transaction takes the chain's advisory lock before it
/// reads the head, so instances writing concurrently still produce one contiguous chain. Connections come from a
/// pool; the schema is created (under the same lock) by the first operation that succeeds.
/// </summary>
public sealed class PostgresAuditStore(string connectionString) : TransactionalAuditStore
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);
    private volatile bool _schemaReady;

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    protected override async Task<T> UseAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await PostgresAuditSchema.LockChainAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (!_schemaReady)
        {
            await PostgresAuditSchema.ApplyAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _schemaReady = true;
        return result;
    }
}
