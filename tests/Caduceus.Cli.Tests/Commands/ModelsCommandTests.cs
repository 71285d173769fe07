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

    [Fact]
    public async Task Keygen_sign_and_verify_report_a_tampered_local_model_as_changed()
    {
        var workDir = NewWorkDir();
        File.WriteAllBytes(Path.Combine(workDir, "local.bin"), [1, 2, 3, 4]);
        File.WriteAllText(
            Path.Combine(workDir, "appsettings.json"),
            """{"Models":{"Files":["local.bin"],"Integrity":{"PublicKeyFile":"public.pem","ManifestFile":"manifest.json"}}}""");

        var keygen = await CliProcess.RunAsync(workDir, null, "models", "keygen", "--private-key", "private.pem", "--public-key", "public.pem");
        var sign = await CliProcess.RunAsync(workDir, null, "models", "sign", "--key", "private.pem", "--out", "manifest.json");
        var good = await CliProcess.RunAsync(workDir, null, "models", "verify");
        File.WriteAllBytes(Path.Combine(workDir, "local.bin"), [1, 2, 3, 5]);
        var tampered = await CliProcess.RunAsync(workDir, null, "models", "verify");

        Assert.Equal((0, 0, 0), (keygen.ExitCode, sign.ExitCode, good.ExitCode));
        Assert.Contains("signature  OK", good.Stdout, StringComparison.Ordinal);
        Assert.Contains("OK         local.bin", good.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("CHANGED    local.bin", tampered.Stdout, StringComparison.Ordinal);
        Assert.Contains("model integrity check failed: local.bin CHANGED.", tampered.Stdout, StringComparison.Ordinal);
    }

    private static string NewWorkDir() => Directory.CreateTempSubdirectory("caduceus-models-").FullName;
}
