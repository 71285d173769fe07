using System.Text.Json;
using Npgsql;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus training</c> and <c>caduceus report</c> on the shared PostgreSQL state (<c>State:Store = postgres</c>), as a fleet's operator runs them.</summary>
public sealed class TrainingOnSharedStateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Training_recorded_through_the_cli_lives_in_the_shared_database_and_a_report_from_elsewhere_counts_it()
    {
        var database = "caduceus_cli_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(ServerConnectionString, $"CREATE DATABASE {database}");
        try
        {
            // One required course keeps the number of CLI runs (each a process start) small.
            var environment = new Dictionary<string, string>
            {
                ["CADUCEUS_State__Store"] = "postgres",
                ["CADUCEUS_State__ConnectionString"] = SharedConnectionString(database),
                ["CADUCEUS_Training__Courses__0__Id"] = "ai-safe-use",
                ["CADUCEUS_Training__Courses__0__Title"] = "Safe use of AI with patient data",
                ["CADUCEUS_Training__Courses__0__RequiredForRoles__0"] = "admin",
            };
            var recordingDir = Directory.CreateTempSubdirectory("caduceus-training-pg-").FullName;
            var reportingDir = Directory.CreateTempSubdirectory("caduceus-training-pg-").FullName;

            var added = await CliProcess.RunWithEnvironmentAsync(recordingDir, environment, null,
                "training", "people", "add", "--id", "console:alice", "--name", "Alice Smith", "--role", "admin");
            var completed = await CliProcess.RunWithEnvironmentAsync(recordingDir, environment, null,
                "training", "complete", "--person", "console:alice", "--course", "ai-safe-use", "--evidence", "LMS 4411");
            var report = await CliProcess.RunWithEnvironmentAsync(reportingDir, environment, null, "report", "--framework", "nist-ai-rmf", "--json", "r.json");
            var (_, listedLocally, _) = await CliProcess.RunAsync(recordingDir, null, "training", "people", "list", "--json");

            Assert.True(added.ExitCode == 0, added.Stderr);
            Assert.True(completed.ExitCode == 0, completed.Stderr);
            Assert.True(report.ExitCode == 0, report.Stderr);
            var controls = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reportingDir, "r.json"), Cancel)).RootElement.GetProperty("controls");
            var training = Assert.Single(controls.EnumerateArray(), c => c.GetProperty("id").GetString() == "GOVERN 2.2");
            Assert.Equal("pass", training.GetProperty("status").GetString());
            Assert.Contains(
                training.GetProperty("evidence").EnumerateArray(),
                e => e.GetProperty("name").GetString() == "training current" && e.GetProperty("value").GetString() == "1");
            Assert.Empty(JsonDocument.Parse(listedLocally).RootElement.GetProperty("people").EnumerateArray());
            Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM training_completions WHERE person_id = 'console:alice'"));
        }
        finally
        {
            await ExecuteAsync(ServerConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    [Fact]
    public async Task A_training_verb_on_postgres_without_a_connection_string_exits_2_naming_the_setting()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-training-pg-").FullName;

        var (exit, _, stderr) = await CliProcess.RunWithEnvironmentAsync(
            workDir, new Dictionary<string, string> { ["CADUCEUS_State__Store"] = "postgres" }, null, "training", "people", "list");

        Assert.Equal(2, exit);
        Assert.Contains("State:ConnectionString", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("CADUCEUS_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("CADUCEUS_TEST_POSTGRES is not set: start the server with scripts/postgres.sh start (scripts/test.sh does).");

    private static string SharedConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = false }.ToString();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(SharedConnectionString(database));
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }
}
