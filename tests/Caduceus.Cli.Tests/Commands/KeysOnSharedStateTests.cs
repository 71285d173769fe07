using System.Text.Json;
using Npgsql;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus keys</c> on the shared PostgreSQL state (<c>State:Store = postgres</c>), as a fleet's operator runs it.</summary>
public sealed class KeysOnSharedStateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keys_created_and_revoked_through_the_cli_live_in_the_shared_database()
    {
        var database = "caduceus_cli_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {database}");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["CADUCEUS_State__Store"] = "postgres",
                ["CADUCEUS_State__ConnectionString"] = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ToString(),
            };
            var workDir = Directory.CreateTempSubdirectory("caduceus-keys-pg-").FullName;

            var (createExit, created, createError) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, null, "keys", "create", "--app", "default", "--role", "clinician", "--json");
            Assert.True(createExit == 0, createError);
            var id = JsonDocument.Parse(created).RootElement.GetProperty("id").GetString()!;
            var (revokeExit, _, _) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, null, "keys", "revoke", id);
            var (_, listed, _) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, null, "keys", "list", "--json");

            Assert.Equal(0, revokeExit);
            var key = Assert.Single(JsonDocument.Parse(listed).RootElement.GetProperty("keys").EnumerateArray());
            Assert.Equal((id, "revoked"), (key.GetProperty("id").GetString(), key.GetProperty("status").GetString()));
            Assert.Equal(1L, await CountKeysAsync(database));
        }
        finally
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    [Theory]
    [InlineData("postgres", null, "State:ConnectionString is required")]
    [InlineData("mongodb", null, "State:Store must be")]
    [InlineData("postgres", "Host=db;Password=hunter2;Bogus Setting=1", "State:ConnectionString is not a valid")]
    public async Task A_bad_shared_state_setting_is_refused_in_one_line_without_the_connection_string(string store, string? connectionString, string expected)
    {
        var environment = new Dictionary<string, string> { ["CADUCEUS_State__Store"] = store };
        if (connectionString is not null)
        {
            environment["CADUCEUS_State__ConnectionString"] = connectionString;
        }

        var (exit, stdout, stderr) = await CliProcess.RunWithEnvironmentAsync(Directory.CreateTempSubdirectory("caduceus-keys-pg-").FullName, environment, null, "keys", "list");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.DoesNotContain("hunter2", stderr, StringComparison.Ordinal);
    }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("CADUCEUS_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("CADUCEUS_TEST_POSTGRES is not set: start the server with scripts/postgres.sh start (scripts/test.sh does).");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private static async Task<long> CountKeysAsync(string database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = false }.ToString());
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM api_keys", connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }
}
