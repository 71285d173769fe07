using Caduceus.Gateway.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Storage;

/// <summary>The embedded SQLite database under the data directory. Creates the file and brings its schema up to date on first use.</summary>
public sealed class GatewayDatabase
{
    private const string FileName = "caduceus.db";

    private readonly string _connectionString;
    private readonly Lazy<bool> _initialized;

    public GatewayDatabase(IOptions<GatewayOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DirectoryPath = Path.GetFullPath(options.Value.DataDirectory);
        FilePath = Path.Combine(DirectoryPath, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        _initialized = new Lazy<bool>(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Absolute path of the data directory.</summary>
    public string DirectoryPath { get; }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Opens a pooled connection to an initialized database.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        _ = _initialized.Value;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Opens a pooled connection synchronously, for the few callers that run where nothing can be awaited (the
    /// keyring, opened while services are built).
    /// </summary>
    internal SqliteConnection Open()
    {
        _ = _initialized.Value;
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private bool Initialize()
    {
        if (!Directory.Exists(DirectoryPath))
        {
            // The store holds credentials' hashes; nobody but the gateway's user needs to read it.
            // Only a directory the gateway creates is restricted: an operator's existing one keeps its permissions.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(DirectoryPath);
            }
            else
            {
                Directory.CreateDirectory(DirectoryPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        GatewaySchema.Apply(connection);
        return true;
    }
}
