using System.Globalization;
using System.Text;
using System.Text.Json;
using Caduceus.Gateway.Audit;
using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus training people|complete|report</c> against the real executable, on the database <c>serve</c> uses.</summary>
public sealed class TrainingCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string DaysAgo(int days) => DateTime.UtcNow.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task People_complete_and_report_work_on_the_gateway_database_and_each_change_is_audited()
    {
        var workDir = NewWorkDir();

        var alice = await CliProcess.RunAsync(workDir, null, "training", "people", "add", "--id", "console:alice", "--name", "Alice Smith", "--role", "admin,security");
        var bob = await CliProcess.RunAsync(workDir, null, "training", "people", "add", "--id", "key_bob", "--name", "Bob", "--role", "clinician");
        string[] courses = ["hipaa-security-awareness", "ai-safe-use", "phishing"];
        foreach (var course in courses)
        {
            Assert.Equal(0, (await CliProcess.RunAsync(workDir, null, "training", "complete", "--person", "key_bob", "--course", course, "--on", DaysAgo(5))).ExitCode);
        }

        var old = await CliProcess.RunAsync(workDir, null, "training", "complete", "--person", "console:alice", "--course", "phishing", "--on", DaysAgo(200), "--evidence", "LMS-77");
        var report = await CliProcess.RunAsync(workDir, null, "training", "report", "--json");
        var future = await CliProcess.RunAsync(workDir, null, "training", "report", "--json", "--as-of", DateTime.UtcNow.AddDays(176).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var table = await CliProcess.RunAsync(workDir, null, "training", "report");
        var audit = await CliProcess.RunAsync(workDir, null, "audit", "search", "--json");

        Assert.Equal((0, 0, 0, 0, 0), (alice.ExitCode, bob.ExitCode, old.ExitCode, report.ExitCode, table.ExitCode));
        var listed = Assert.Single(JsonDocument.Parse(report.Stdout).RootElement.GetProperty("people").EnumerateArray());
        Assert.Equal("console:alice", listed.GetProperty("id").GetString());
        var states = listed.GetProperty("courses").EnumerateArray().ToDictionary(c => c.GetProperty("course").GetString()!, c => c.GetProperty("state").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["hipaa-security-awareness"] = "missing", ["ai-safe-use"] = "missing", ["phishing"] = "expired" }, states);
        Assert.Contains(JsonDocument.Parse(future.Stdout).RootElement.GetProperty("people").EnumerateArray(), p => p.GetProperty("id").GetString() == "key_bob");
        Assert.Contains("1 overdue, 0 expiring", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("OVERDUE", table.Stdout, StringComparison.Ordinal);
        var training = audit.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).Where(r => r.GetProperty("kind").GetString() == "training").ToArray();
        Assert.Equal(6, training.Length);
        Assert.All(training, r => Assert.StartsWith("cli:", r.GetProperty("key_id").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain("Alice Smith", audit.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("LMS-77", audit.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("complete --person key_bob --course knitting", "unknown course 'knitting'")]
    [InlineData("complete --person key_bob --course phishing --on 2999-01-01", "is in the future")]
    [InlineData("complete --person key_bob --course phishing --on 31/12/2025", "must be a date written yyyy-MM-dd")]
    [InlineData("complete --person key_nobody --course phishing", "there is no person 'key_nobody'")]
    [InlineData("people add --id key_bob --name Bob --role nurse", "unknown training role 'nurse'")]
    [InlineData("people add --id bad/id --name Bob --role admin", "must be 1 to 128 letters")]
    [InlineData("report --as-of tomorrow", "--as-of must be a date")]
    [InlineData("complete --person key_bob --course phishing --evidence 536-22-1843", "looks like it holds a patient identifier (SSN)")]
    public async Task Bad_input_exits_2_with_one_line_and_leaves_the_database_unchanged(string arguments, string message)
    {
        var workDir = NewWorkDir();
        Assert.Equal(0, (await CliProcess.RunAsync(workDir, null, "training", "people", "add", "--id", "key_bob", "--name", "Bob", "--role", "clinician")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(workDir, null, "training", "complete", "--person", "key_bob", "--course", "phishing", "--on", DaysAgo(3))).ExitCode);
        var before = await SnapshotAsync(workDir);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, ["training", .. arguments.Split(' ')]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("536-22-1843", stderr, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(workDir));
    }

    [Fact]
    public async Task An_invalid_course_in_configuration_exits_2_and_names_the_field()
    {
        var workDir = NewWorkDir();
        File.WriteAllText(Path.Combine(workDir, "appsettings.json"), """{"Training":{"Courses":[{"Id":"x","Title":"X","ValidFor":"365.00:00:00","RequiredForRoles":["nurse"]}]}}""");

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, "training", "report");

        Assert.Equal(2, exit);
        Assert.Contains("Training:Courses:0:RequiredForRoles has an unknown role 'nurse'", stderr, StringComparison.Ordinal);
    }

    private static string NewWorkDir() => Directory.CreateTempSubdirectory("caduceus-training-").FullName;

    // Every row of the register and the number of audit records.
    private static async Task<string> SnapshotAsync(string workDir)
    {
        var text = new StringBuilder();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(workDir, "caduceus-data", "caduceus.db")};Pooling=false"))
        {
            await connection.OpenAsync(Cancel);
            foreach (var table in new[] { "training_people", "training_completions" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {table} ORDER BY 1";
                await using var reader = await command.ExecuteReaderAsync(Cancel);
                while (await reader.ReadAsync(Cancel))
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        text.Append(reader.GetValue(i)).Append('|');
                    }

                    text.AppendLine();
                }
            }
        }

        await using var audit = new SqliteConnection($"Data Source={Path.Combine(workDir, "caduceus-data", AuditSchema.FileName)};Pooling=false");
        await audit.OpenAsync(Cancel);
        await using var count = audit.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM audit_records";
        text.Append("audit records: ").Append(await count.ExecuteScalarAsync(Cancel));
        return text.ToString();
    }
}
