using System.Text.Json;
using Npgsql;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus models</c> on the shared PostgreSQL state (<c>State:Store = postgres</c>), as a fleet's operator runs it.</summary>
public sealed class ModelsOnSharedStateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Models_added_through_the_cli_live_in_the_shared_database_not_the_local_one()
    {
        var database = "caduceus_cli_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(ServerConnectionString, $"CREATE DATABASE {database}");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["CADUCEUS_State__Store"] = "postgres",
                ["CADUCEUS_State__ConnectionString"] = SharedConnectionString(database),
            };
            var sharedDir = Directory.CreateTempSubdirectory("caduceus-models-pg-").FullName;
            var otherDir = Directory.CreateTempSubdirectory("caduceus-models-pg-").FullName;

            var (addExit, _, addError) = await CliProcess.RunWithEnvironmentAsync(sharedDir, environment, null,
                "models", "add", "--app", "default", "--model", "gpt-4o", "--owner", "ml-team", "--use", "patient portal chat",
                "--phi-allowed", "false", "--risk-tier", "high", "--last-reviewed", "2026-01-15");
            var (_, listedElsewhere, _) = await CliProcess.RunWithEnvironmentAsync(otherDir, environment, null, "models", "list", "--json");
            var (_, listedLocally, _) = await CliProcess.RunAsync(sharedDir, null, "models", "list", "--json");

            Assert.True(addExit == 0, addError);
            var entry = Assert.Single(JsonDocument.Parse(listedElsewhere).RootElement.GetProperty("models").EnumerateArray());
            Assert.Equal(("gpt-4o", "high"), (entry.GetProperty("model").GetString(), entry.GetProperty("risk_tier").GetString()));
            Assert.Empty(JsonDocument.Parse(listedLocally).RootElement.GetProperty("models").EnumerateArray());
            Assert.Equal(("gpt-4o", false), await StoredEntryAsync(database));
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

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private static async Task<(string Model, bool PhiAllowed)> StoredEntryAsync(string database)
    {
        await using var connection = new NpgsqlConnection(SharedConnectionString(database));
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT model, phi_allowed FROM model_inventory", connection);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel));
        var stored = (reader.GetString(0), reader.GetBoolean(1));
        Assert.False(await reader.ReadAsync(Cancel));
        return stored;
    }
}
