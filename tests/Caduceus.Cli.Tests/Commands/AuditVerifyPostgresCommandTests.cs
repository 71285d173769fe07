using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Tests.Audit;
using Npgsql;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus audit verify</c> and <c>purge</c> on the PostgreSQL store named by the configuration.</summary>
public sealed class AuditVerifyPostgresCommandTests : IAsyncLifetime
{
    private PostgresTestServer? _database;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await PostgresTestServer.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Verify_reads_the_postgres_store_the_configuration_names_and_names_a_modified_record()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-cli-audit-pg-").FullName;
        var data = Path.Combine(workDir, "caduceus-data");
        var options = new AuditOptions();
        await using (var log = new AuditLog(new PostgresAuditStore(_database!.ConnectionString), AuditKeyFiles.LoadOrCreateSigningKey(options, data), options, TimeProvider.System))
        {
            for (var i = 0; i < 5; i++)
            {
                await log.AppendAsync(new AuditRecord { Time = DateTimeOffset.UtcNow, Kind = "chat", Method = "POST", Route = "/v1/chat/completions", Status = 200, Decision = "allowed" }, Cancel);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(workDir, "appsettings.json"), $$$"""{"Audit":{"Store":"postgres","ConnectionString":"{{{_database.ConnectionString}}}"}}""", Cancel);

        var (intactExit, intact, intactError) = await CliProcess.RunAsync(workDir, null, "audit", "verify");
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(Cancel);
            await using var modify = new NpgsqlCommand("UPDATE audit_records SET record = convert_to(replace(convert_from(record, 'UTF8'), '\"POST\"', '\"GET\"'), 'UTF8') WHERE seq = 2", connection);
            await modify.ExecuteNonQueryAsync(Cancel);
        }

        var (brokenExit, broken, _) = await CliProcess.RunAsync(workDir, null, "audit", "verify");

        Assert.Equal(0, intactExit);
        Assert.Equal(string.Empty, intactError);
        Assert.Contains("intact: 5 records", intact, StringComparison.Ordinal);
        Assert.Equal(1, brokenExit);
        Assert.Contains("broken at record 2", broken, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, AuditSchema.FileName)), "verify created an SQLite audit file although the store is postgres");
    }
}
