using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// The embedded store: <c>audit.db</c> (WAL, <c>synchronous=FULL</c>) with one connection used by one operation at a
/// time. Each write runs in <c>BEGIN IMMEDIATE</c>, which holds SQLite's write lock while the head is read, so
/// another process writing the same file (the CLI's purge record) still extends the same chain.
/// </summary>
/// <remarks>
/// <c>synchronous=FULL</c> makes every commit wait for an fsync of the WAL, so a committed record survives a power
/// loss; that fsync is most of what the audit adds to a request. <paramref name="fsyncEachCommit"/> false
/// (<c>synchronous=NORMAL</c>) exists only so the load test's bench gateway can show that: the gateway never uses it.
/// </remarks>
public sealed class SqliteAuditStore(string databasePath, bool fsyncEachCommit = true) : TransactionalAuditStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;
    private bool _disposed;

    public override async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task<T> UseAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var connection = _connection ??= Open(databasePath, fsyncEachCommit);
            using var transaction = connection.BeginTransaction();
            var result = await work(connection, transaction).ConfigureAwait(false);
            transaction.Commit();
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static SqliteConnection Open(string databasePath, bool fsyncEachCommit)
    {
        CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            connection.Open();
            AuditSchema.Apply(connection);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = fsyncEachCommit ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
