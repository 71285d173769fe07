using Npgsql;

namespace Caduceus.LoadTest;

/// <summary>A fresh PostgreSQL database for one phase of the load test (keys, vault, keyring, audit chain), dropped afterwards.</summary>
internal sealed class SharedStateDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private readonly string _name;

    private SharedStateDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<SharedStateDatabase> CreateAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var name = "caduceus_load_" + Guid.NewGuid().ToString("N");
        try
        {
            await ExecuteAsync(serverConnectionString, $"CREATE DATABASE {name}", cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or ArgumentException)
        {
            throw new ServerStartException($"--postgres: cannot create a database ({exception.Message})");
        }

        return new SharedStateDatabase(serverConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ExecuteAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", CancellationToken.None);
        }
        catch (NpgsqlException exception)
        {
            await Console.Error.WriteLineAsync($"loadtest: could not drop database {_name}: {exception.Message}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
