using Npgsql;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus console-users</c> on the shared PostgreSQL state (<c>State:Store = postgres</c>), as a fleet's operator runs it.</summary>
public sealed class ConsoleUsersOnSharedStateTests
{
    private const string Password = "a long console passphrase";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accounts_added_and_disabled_through_the_cli_live_in_the_shared_database_and_not_in_sqlite()
    {
        var database = "caduceus_cli_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(ServerConnectionString, $"CREATE DATABASE {database}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = false }.ToString();
            var environment = new Dictionary<string, string>
            {
                ["CADUCEUS_State__Store"] = "postgres",
                ["CADUCEUS_State__ConnectionString"] = connectionString,
            };
            var workDir = Directory.CreateTempSubdirectory("caduceus-console-users-pg-").FullName;

            var (addExit, added, addError) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, Password + "\n", "console-users", "add", "--name", "Alice", "--role", "security_viewer", "--password-stdin");
            var (disableExit, _, disableError) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, null, "console-users", "disable", "alice");
            var (listExit, listed, _) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, null, "console-users", "list");

            Assert.True(addExit == 0, addError);
            Assert.Contains("otpauth://totp/", added, StringComparison.Ordinal);
            Assert.True(disableExit == 0, disableError);
            Assert.Equal(0, listExit);
            Assert.Contains("alice", listed, StringComparison.Ordinal);
            Assert.Contains("disabled", listed, StringComparison.Ordinal);
            Assert.Equal(1L, await ScalarAsync(connectionString, "SELECT count(*) FROM console_accounts WHERE name = 'alice' AND disabled_at IS NOT NULL"));
            Assert.Equal(0L, await ScalarAsync(connectionString, $"SELECT count(*) FROM console_accounts WHERE password_hash LIKE '%{Password}%'"));
            Assert.False(File.Exists(Path.Combine(workDir, "caduceus-data", "caduceus.db")) && SqliteHasConsoleAccount(Path.Combine(workDir, "caduceus-data", "caduceus.db")));
        }
        finally
        {
            await ExecuteAsync(ServerConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static bool SqliteHasConsoleAccount(string file)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'console_accounts'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return false;
        }

        command.CommandText = "SELECT count(*) FROM console_accounts";
        return (long)command.ExecuteScalar()! > 0;
    }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("CADUCEUS_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("CADUCEUS_TEST_POSTGRES is not set: start the server with scripts/postgres.sh start (scripts/test.sh does).");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }
}
