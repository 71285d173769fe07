using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// The PostgreSQL database the gateway instances share (<c>State:Store = postgres</c>). The first connection of each
/// process brings the schema up to date under an advisory lock, so instances starting together migrate it once.
/// </summary>
public sealed class PostgresStateDatabase : IAsyncDisposable
{
    /// <summary>The key of the advisory lock held while migrating (any fixed number, distinct from the audit chain's).</summary>
    private const long MigrationLock = 0x0CAD_5747_E000_0001;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    public PostgresStateDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Names the store in messages without its connection string, which may hold a password.</summary>
    public string Description => $"PostgreSQL database '{new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString).Database}'";

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (!_migrated)
        {
            try
            {
                await MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return connection;
    }

    /// <summary>Runs one statement with named parameters on a connection of its own; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Synchronous open, for the keyring, which is opened while services are built.</summary>
    public NpgsqlConnection Open() => OpenAsync(CancellationToken.None).GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _migrationGate.Dispose();
    }

    private async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await _migrationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                lockCommand.Parameters.AddWithValue("key", MigrationLock);
                await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await PostgresStateSchema.ApplyAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _migrationGate.Release();
        }
    }
}
