using System.Text.Json;
using Caduceus.Gateway.SharedState;
using Npgsql;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus intel export</c> on the shared PostgreSQL state (<c>State:Store = postgres</c>), as a fleet's operator runs it.</summary>
public sealed class IntelOnSharedStateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_reads_the_fleets_indicators_from_the_shared_database_not_a_local_one()
    {
        var database = "caduceus_cli_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(ServerConnectionString, $"CREATE DATABASE {database}");
        try
        {
            await StoreIndicatorsAsync(SharedConnectionString(database));
            var environment = new Dictionary<string, string>
            {
                ["CADUCEUS_State__Store"] = "postgres",
                ["CADUCEUS_State__ConnectionString"] = SharedConnectionString(database),
            };
            var workDir = Directory.CreateTempSubdirectory("caduceus-intel-pg-").FullName;

            var (exit, stdout, stderr) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, null, "intel", "export");
            var (localExit, _, localError) = await CliProcess.RunAsync(workDir, null, "intel", "export");

            Assert.True(exit == 0, stderr);
            var patterns = JsonDocument.Parse(stdout).RootElement.GetProperty("objects").EnumerateArray()
                .Where(o => o.GetProperty("type").GetString() == "indicator").Select(o => o.GetProperty("pattern").GetString()).ToArray();
            Assert.Equal(["[ipv4-addr:value = '203.0.113.9']"], patterns);
            Assert.DoesNotContain("198.51.100.7", stdout, StringComparison.Ordinal);
            Assert.Equal(2, localExit);
            Assert.Contains("there is no gateway database", localError, StringComparison.Ordinal);
        }
        finally
        {
            await ExecuteAsync(ServerConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("CADUCEUS_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("CADUCEUS_TEST_POSTGRES is not set: start the server with scripts/postgres.sh start (scripts/test.sh does).");

    private static string SharedConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = false }.ToString();

    /// <summary>One local sighting and one imported address, as the gateways of the fleet store them (the schema made as they make it).</summary>
    private static async Task StoreIndicatorsAsync(string connectionString)
    {
        await using var shared = new PostgresStateDatabase(connectionString);
        await using var connection = await shared.OpenAsync(Cancel);
        var nov1 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await using var command = new NpgsqlCommand($"""
            INSERT INTO threat_indicators (kind, value, origin, first_seen, last_seen, seen_count, confidence, signatures, valid_until) VALUES
                ('SourceAddress', '203.0.113.9', 'local', {nov1}, {nov1}, 1, 50, NULL, NULL),
                ('SourceAddress', '198.51.100.7', 'taxii:peer', {nov1}, {nov1}, 1, 50, NULL, {nov1 + 86_400_000});
            """, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
