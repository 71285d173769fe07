using System.Text.Json;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus models list|add|update|remove</c> against the real executable, on the database <c>serve</c> uses.</summary>
public sealed class ModelsCommandTests
{
    private static readonly string[] Add =
    [
        "models", "add", "--app", "default", "--model", "gpt-4o", "--version", "2024-08", "--owner", "ml-team", "--use", "patient portal chat",
        "--phi-allowed", "false", "--risk-tier", "high", "--last-reviewed", "2026-01-15",
    ];

    [Fact]
    public async Task Add_update_list_and_remove_work_on_the_gateway_database()
    {
        var workDir = NewWorkDir();

        var added = await CliProcess.RunAsync(workDir, null, Add);
        var updated = await CliProcess.RunAsync(workDir, null, "models", "update", "--app", "default", "--model", "gpt-4o", "--risk-tier", "medium", "--json");
        var listed = await CliProcess.RunAsync(workDir, null, "models", "list", "--json");
        var removed = await CliProcess.RunAsync(workDir, null, "models", "remove", "--app", "default", "--model", "gpt-4o");
        var empty = await CliProcess.RunAsync(workDir, null, "models", "list", "--json");

        Assert.Equal((0, 0, 0, 0, 0), (added.ExitCode, updated.ExitCode, listed.ExitCode, removed.ExitCode, empty.ExitCode));
        var entry = Assert.Single(JsonDocument.Parse(listed.Stdout).RootElement.GetProperty("models").EnumerateArray());
        Assert.Equal("gpt-4o", entry.GetProperty("model").GetString());
        Assert.Equal("medium", entry.GetProperty("risk_tier").GetString());
        Assert.False(entry.GetProperty("phi_allowed").GetBoolean());
        Assert.Equal("2026-01-15", entry.GetProperty("last_reviewed").GetString());
        Assert.Empty(JsonDocument.Parse(empty.Stdout).RootElement.GetProperty("models").EnumerateArray());
    }

    [Theory]
    [InlineData("--risk-tier", "severe", "unknown risk tier 'severe'")]
    [InlineData("--last-reviewed", "2026-13-01", "last reviewed must be a date")]
    [InlineData("--phi-allowed", "maybe", "--phi-allowed must be true or false")]
    [InlineData("--app", "nowhere", "no application named 'nowhere'")]
    public async Task Bad_input_exits_2_with_one_line_and_changes_nothing(string option, string value, string message)
    {
        var workDir = NewWorkDir();
        Assert.Equal(0, (await CliProcess.RunAsync(workDir, null, Add)).ExitCode);
        var args = Add.ToArray();
        args[Array.IndexOf(args, option) + 1] = value;
        args[Array.IndexOf(args, "--model") + 1] = "other-model";

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, args);
        var duplicate = await CliProcess.RunAsync(workDir, null, Add);
        var listed = await CliProcess.RunAsync(workDir, null, "models", "list", "--json");

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(2, duplicate.ExitCode);
        Assert.Contains("already in the inventory", duplicate.Stderr, StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse(listed.Stdout).RootElement.GetProperty("models").EnumerateArray());
    }

    private static string NewWorkDir() => Directory.CreateTempSubdirectory("caduceus-models-").FullName;
}
