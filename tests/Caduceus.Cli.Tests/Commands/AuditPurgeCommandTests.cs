using System.Globalization;
using System.Text.Json;
using Caduceus.Gateway.Audit;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus audit purge</c> against the real executable, on an SQLite audit database written three days ago.</summary>
public sealed class AuditPurgeCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Yesterday => DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_dry_run_reports_the_range_and_removes_nothing()
    {
        var workDir = await WorkDirWithOldRecordsAsync(5);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, "audit", "purge", "--before", Yesterday, "--dry-run", "--json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("dry_run").GetBoolean());
        Assert.Equal(4, json.RootElement.GetProperty("records").GetInt64());
        Assert.Equal(4, json.RootElement.GetProperty("through_seq").GetInt64());
        var (_, verified, _) = await CliProcess.RunAsync(workDir, null, "audit", "verify");
        Assert.Contains("intact: 5 records", verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purge_ends_at_a_signed_checkpoint_records_itself_and_the_trail_still_verifies()
    {
        var workDir = await WorkDirWithOldRecordsAsync(5);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, "audit", "purge", "--before", Yesterday);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.StartsWith("Purged records 1 to 4 (4 records, 1 checkpoints)", stdout, StringComparison.Ordinal);
        var (verifyExit, verified, _) = await CliProcess.RunAsync(workDir, null, "audit", "verify", "--json");
        Assert.Equal(0, verifyExit);
        using var json = JsonDocument.Parse(verified);
        Assert.Equal(2, json.RootElement.GetProperty("records").GetInt64()); // record 5 and the purge record
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    [InlineData("2999-01-01")]
    public async Task A_bad_or_future_date_exits_2_with_one_line(string date)
    {
        var workDir = await WorkDirWithOldRecordsAsync(1);

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, "audit", "purge", "--before", date);

        Assert.Equal(2, exit);
        Assert.StartsWith("caduceus: --before must", Assert.Single(stderr.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_audit_store_setting_exits_2_naming_it()
    {
        var workDir = await WorkDirWithOldRecordsAsync(1);
        await File.WriteAllTextAsync(Path.Combine(workDir, "appsettings.json"), """{"Audit":{"Store":"oracle"}}""", Cancel);

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, "audit", "purge", "--dry-run");

        Assert.Equal(2, exit);
        Assert.Contains("Audit:Store must be sqlite or postgres", stderr, StringComparison.Ordinal);
    }

    private static async Task<string> WorkDirWithOldRecordsAsync(int count)
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-cli-purge-").FullName;
        var data = Path.Combine(workDir, "caduceus-data");
        var options = new AuditOptions { CheckpointEveryRecords = 2 };
        var threeDaysAgo = new ShiftedTimeProvider(TimeSpan.FromDays(-3));
        await using (var log = new AuditLog(new SqliteAuditStore(Path.Combine(data, AuditSchema.FileName)), AuditKeyFiles.LoadOrCreateSigningKey(options, data), options, threeDaysAgo))
        {
            for (var i = 0; i < count; i++)
            {
                await log.AppendAsync(new AuditRecord { Time = threeDaysAgo.GetUtcNow(), Kind = "chat", Method = "POST", Route = "/v1/chat/completions", Status = 200, Decision = "allowed" }, Cancel);
            }
        }

        return workDir;
    }
}
