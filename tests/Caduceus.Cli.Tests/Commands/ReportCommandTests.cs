using System.Text.Json;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus report</c> against the real executable, on the database <c>serve</c> uses.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public async Task Writes_the_json_and_html_reports_and_prints_the_table_from_the_gateway_database()
    {
        var workDir = await GatewayDatabaseDirAsync();

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, "report", "--framework", "owasp-llm", "--json", "r.json", "--html", "r.html");

        Assert.True(exit == 0, stderr);
        var root = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(workDir, "r.json"), TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("owasp-llm", root.GetProperty("framework").GetString());
        Assert.Equal(10, root.GetProperty("summary").GetProperty("controls").GetInt32());
        Assert.Contains("environment variables", root.GetProperty("configuration_source").GetString(), StringComparison.Ordinal);
        Assert.Contains("<caption>", await File.ReadAllTextAsync(Path.Combine(workDir, "r.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("LLM01", stdout, StringComparison.Ordinal);
        Assert.Contains("10 controls:", stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(workDir, "*.partial"));
    }

    [Fact]
    public async Task A_configuration_change_moves_the_matching_control_from_pass_to_gap()
    {
        var workDir = await GatewayDatabaseDirAsync();

        var on = await CliProcess.RunAsync(workDir, null, "report", "--framework", "owasp-llm", "--json", "on.json");
        var off = await CliProcess.RunWithEnvironmentAsync(
            workDir, new Dictionary<string, string> { ["CADUCEUS_Applications__default__Policy__CanaryTokens"] = "false" }, null,
            "report", "--framework", "owasp-llm", "--json", "off.json");

        Assert.Equal((0, 0), (on.ExitCode, off.ExitCode));
        Assert.Equal("pass", await StatusAsync(workDir, "on.json", "LLM07"));
        Assert.Equal("gap", await StatusAsync(workDir, "off.json", "LLM07"));
    }

    [Theory]
    [InlineData("--framework|sox", "unknown framework 'sox'")]
    [InlineData("--framework|hipaa|--json|missing-dir/r.json", "its directory does not exist")]
    [InlineData("--framework|hipaa|--json|same|--html|same", "--html and --json name the same file")]
    [InlineData("--framework|hipaa|--json|r.json|--config|nowhere.json", "invalid configuration")]
    [InlineData("--framework|hipaa|--json|r.json|--config|bad.json", "invalid configuration")]
    [InlineData("--framework|hipaa|--json|r.json|--config|playbook.json", "invalid configuration")]
    [InlineData("--json|r.json", "--framework")]
    [InlineData("--framework|hipaa|--json|r.json|--config|shared.json", "State:ConnectionString is required")]
    public async Task Bad_input_exits_2_with_one_line_and_writes_nothing(string args, string message)
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-report-").FullName;
        await File.WriteAllTextAsync(Path.Combine(workDir, "bad.json"), """{"Limits":{"RequestsPerMinute":"lots"}}""", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(workDir, "shared.json"), """{"State":{"Store":"postgres"}}""", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(workDir, "playbook.json"), """{"Incidents":{"Playbooks":{"x":{"EventTypes":["a"],"Actions":["explode"]}}}}""", TestContext.Current.CancellationToken);
        var before = Directory.GetFileSystemEntries(workDir).Order(StringComparer.Ordinal).ToArray();

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, ["report", .. args.Split('|')]);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(before, Directory.GetFileSystemEntries(workDir).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task An_unreachable_shared_database_makes_the_record_based_controls_gaps_naming_why()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-report-").FullName;
        await File.WriteAllTextAsync(
            Path.Combine(workDir, "shared.json"), """{"State":{"Store":"postgres","ConnectionString":"Host=127.0.0.1;Port=1;Database=x"}}""", TestContext.Current.CancellationToken);

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, "report", "--framework", "hipaa", "--json", "r.json", "--config", "shared.json");

        Assert.True(exit == 0, stderr);
        var training = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(workDir, "r.json"), TestContext.Current.CancellationToken))
            .RootElement.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "164.308(a)(5)");
        Assert.Equal("gap", training.GetProperty("status").GetString());
        Assert.Contains("the training register could not be read", training.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_gateway_database_every_record_based_control_is_a_gap_and_no_database_is_created()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-report-").FullName;

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, "report", "--framework", "hipaa", "--json", "r.json");

        Assert.True(exit == 0, stderr);
        Assert.False(Directory.Exists(Path.Combine(workDir, "caduceus-data")));
        Assert.Equal("gap", await StatusAsync(workDir, "r.json", "164.312(b)"));
        Assert.Equal("gap", await StatusAsync(workDir, "r.json", "164.312(a)(1)"));
    }

    /// <summary>A working directory whose gateway database exists, made as an operator would (a key and a model).</summary>
    private static async Task<string> GatewayDatabaseDirAsync()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-report-").FullName;
        var created = await CliProcess.RunAsync(workDir, null, "keys", "create", "--app", "default", "--role", "clinician");
        Assert.Equal(0, created.ExitCode);
        return workDir;
    }

    private static async Task<string?> StatusAsync(string workDir, string file, string id)
    {
        var root = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(workDir, file), TestContext.Current.CancellationToken)).RootElement;
        return root.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).GetProperty("status").GetString();
    }
}
