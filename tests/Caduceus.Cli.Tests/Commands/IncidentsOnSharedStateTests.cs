using System.Text.Json;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Npgsql;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus incidents</c> on the shared PostgreSQL state (<c>State:Store = postgres</c>), where every gateway instance keeps incidents and blocks.</summary>
public sealed class IncidentsOnSharedStateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_cli_lists_acts_on_and_closes_an_incident_in_the_shared_database()
    {
        var database = "caduceus_cli_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {database}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ToString();
            var environment = new Dictionary<string, string>
            {
                ["CADUCEUS_State__Store"] = "postgres",
                ["CADUCEUS_State__ConnectionString"] = connectionString,
            };
            var workDir = Directory.CreateTempSubdirectory("caduceus-incidents-pg-").FullName;
            var (createExit, created, createError) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, null, "keys", "create", "--app", "default", "--role", "patient", "--json");
            Assert.True(createExit == 0, createError);
            var keyId = JsonDocument.Parse(created).RootElement.GetProperty("id").GetString()!;
            var incident = await StoreSharedIncidentAsync(workDir, connectionString, keyId);

            var (listExit, listed, listError) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, null, "incidents", "list", "--json");
            var (actExit, _, actError) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, null, "incidents", "act", incident.Id, "--action", "revoke_key");
            var (closeExit, _, closeError) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, null, "incidents", "close", incident.Id);
            var (_, keys, _) = await CliProcess.RunWithEnvironmentAsync(workDir, environment, null, "keys", "list", "--json");

            Assert.True(listExit == 0, listError);
            var only = Assert.Single(JsonDocument.Parse(listed).RootElement.EnumerateArray());
            Assert.Equal((incident.Id, keyId), (only.GetProperty("id").GetString(), only.GetProperty("subject").GetString()));
            Assert.True(actExit == 0, actError);
            Assert.True(closeExit == 0, closeError);
            var key = Assert.Single(JsonDocument.Parse(keys).RootElement.GetProperty("keys").EnumerateArray());
            Assert.Equal("revoked", key.GetProperty("status").GetString());
            Assert.Equal("Closed", await ScalarAsync<string>(database, "SELECT status FROM incidents"));
            Assert.Equal("revoke_key", await ScalarAsync<string>(database, "SELECT action FROM incident_actions"));
        }
        finally
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>Stores an incident the way a gateway instance on the shared state does (through the gateway's own registrations).</summary>
    private static async Task<Incident> StoreSharedIncidentAsync(string workDir, string connectionString, string keyId)
    {
        var options = new GatewayOptions { DataDirectory = Path.Combine(workDir, "caduceus-data") };
        await using var shared = new PostgresStateDatabase(connectionString);
        var now = DateTimeOffset.UtcNow;
        var incident = new Incident
        {
            Id = Incident.NewId(),
            Playbook = DefaultPlaybooks.InjectionBurst,
            Subject = keyId,
            Application = "default",
            Severity = IncidentSeverity.High,
            Categories = ["OWASP LLM01:2025 Prompt Injection"],
            Status = IncidentStatus.Open,
            OpenedAt = now,
            UpdatedAt = now,
        };
        await using (var response = new OfflineIncidentResponse(
            options, new GatewayDatabase(Microsoft.Extensions.Options.Options.Create(options)), new PostgresApiKeyStore(shared, TimeProvider.System), TimeProvider.System, shared))
        {
            await response.Incidents.CreateAsync(incident, Cancel);
        }

        return incident;
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

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = false }.ToString());
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Cancel))!;
    }
}
