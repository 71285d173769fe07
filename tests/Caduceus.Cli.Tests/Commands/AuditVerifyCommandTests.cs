using System.Text.Json;
using Caduceus.Gateway.Audit;
using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus audit verify</c> against the real executable, on the audit database <c>serve</c> writes.</summary>
public sealed class AuditVerifyCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_intact_log_exits_0()
    {
        var workDir = await WorkDirWithRecordsAsync(5);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, "audit", "verify");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("intact: 5 records", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_modified_record_exits_1_naming_it_in_json()
    {
        var workDir = await WorkDirWithRecordsAsync(5);
        Execute(workDir, "UPDATE audit_records SET record = CAST(replace(CAST(record AS TEXT), '\"POST\"', '\"GET\"') AS BLOB) WHERE seq = 2");

        var (exit, stdout, _) = await CliProcess.RunAsync(workDir, null, "audit", "verify", "--json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(Assert.Single(stdout.TrimEnd('\n').Split('\n')));
        Assert.False(json.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("broken_sequence").GetInt64());
    }

    [Fact]
    public async Task A_missing_log_or_bad_usage_exits_2_with_one_line()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-cli-audit-").FullName;

        var (missingExit, _, missingError) = await CliProcess.RunAsync(workDir, null, "audit", "verify");
        var (usageExit, _, _) = await CliProcess.RunAsync(workDir, null, "audit", "verify", "--no-such-option");

        Assert.Equal(2, missingExit);
        Assert.Single(missingError.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("caduceus: ", missingError, StringComparison.Ordinal);
        Assert.Equal(2, usageExit);
    }

    private static async Task<string> WorkDirWithRecordsAsync(int count)
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-cli-audit-").FullName;
        var data = Path.Combine(workDir, "caduceus-data");
        var options = new AuditOptions();
        await using (var log = new AuditLog(new SqliteAuditStore(Path.Combine(data, AuditSchema.FileName)), AuditKeyFiles.LoadOrCreateSigningKey(options, data), options, TimeProvider.System))
        {
            for (var i = 0; i < count; i++)
            {
                await log.AppendAsync(new AuditRecord { Time = DateTimeOffset.UtcNow, Kind = "chat", Method = "POST", Route = "/v1/chat/completions", Status = 200, Decision = "allowed" }, Cancel);
            }
        }

        return workDir;
    }

    private static void Execute(string workDir, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(workDir, "caduceus-data", AuditSchema.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
