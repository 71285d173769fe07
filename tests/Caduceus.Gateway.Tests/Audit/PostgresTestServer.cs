using Npgsql;

namespace Caduceus.Gateway.Tests.Audit;

/// <summary>
/// A fresh database on the PostgreSQL test server that <c>scripts/test.sh</c> starts (<c>scripts/postgres.sh</c>)
/// and names in <c>CADUCEUS_TEST_POSTGRES</c>. Without that server the tests fail, they are never skipped.
/// </summary>
internal sealed class PostgresTestServer : IAsyncDisposable
{
    public const string Variable = "CADUCEUS_TEST_POSTGRES";

    private readonly string _name;

    private PostgresTestServer(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set, so the PostgreSQL tests cannot run: start the server with scripts/postgres.sh start and export {Variable}=\"Host=127.0.0.1;Port=55432;Username=postgres\" (scripts/test.sh does both).");

    /// <summary>Creates a database with a unique name, so test classes run in parallel without sharing a chain.</summary>
    public static async Task<PostgresTestServer> CreateDatabaseAsync()
    {
        var name = "caduceus_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            try
            {
                await connection.OpenAsync();
            }
            catch (NpgsqlException exception)
            {
                throw new InvalidOperationException($"The PostgreSQL test server named in {Variable} does not answer ({exception.Message}); start it with scripts/postgres.sh start.", exception);
            }

            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresTestServer(name, new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
