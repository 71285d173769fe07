using System.Text.Json;
using Caduceus.TestModel;
using Caduceus.TestModel.Profiles;

namespace Caduceus.Cli.Tests.Commands;

public sealed class RedTeamCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Drills_a_suite_and_writes_json_and_html_scorecards()
    {
        await using var model = await TestModelServer.StartAsync(new TestModelOptions { Urls = "http://127.0.0.1:0", Profile = TestModelProfiles.VulnerableClinic }, Cancel);
        var workDir = Directory.CreateTempSubdirectory("caduceus-redteam-").FullName;

        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(
            workDir, null, "redteam", "--target", model.ApiBaseAddress.ToString(), "--suite", "system-prompt-leakage", "--json", "card.json", "--html", "card.html");

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Contains("LLM07 System Prompt Leakage", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("LLM01", stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(workDir, "card.json"), Cancel));
        var leakage = json.RootElement.GetProperty("categories").GetProperty("LLM07");
        Assert.True(leakage.GetProperty("attempts").GetInt32() >= 30);
        Assert.True(leakage.GetProperty("stopped").GetInt32() < leakage.GetProperty("attempts").GetInt32() / 2, "the vulnerable model leaks most of the time");
        Assert.Equal(50, json.RootElement.GetProperty("benign").GetProperty("total").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("benign").GetProperty("refused").GetInt32());
        var html = await File.ReadAllTextAsync(Path.Combine(workDir, "card.html"), Cancel);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compares_two_targets_side_by_side()
    {
        await using var vulnerable = await TestModelServer.StartAsync(new TestModelOptions { Urls = "http://127.0.0.1:0", Profile = TestModelProfiles.VulnerableClinic }, Cancel);
        await using var echo = await TestModelServer.StartAsync(new TestModelOptions { Urls = "http://127.0.0.1:0" }, Cancel);
        var workDir = Directory.CreateTempSubdirectory("caduceus-redteam-").FullName;

        var (exitCode, stdout, _) = await CliProcess.RunAsync(
            workDir, null, "redteam", "--target", echo.ApiBaseAddress.ToString(), "--compare", vulnerable.ApiBaseAddress.ToString(), "--suite", "excessive-agency", "--json", "card.json");

        Assert.Equal(0, exitCode);
        Assert.Contains(vulnerable.ApiBaseAddress.ToString(), stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(workDir, "card.json"), Cancel));
        var echoAgency = json.RootElement.GetProperty("categories").GetProperty("LLM06");
        var vulnerableAgency = json.RootElement.GetProperty("compare").GetProperty("categories").GetProperty("LLM06");
        Assert.Equal(echoAgency.GetProperty("attempts").GetInt32(), echoAgency.GetProperty("stopped").GetInt32());
        Assert.True(vulnerableAgency.GetProperty("stopped").GetInt32() < vulnerableAgency.GetProperty("attempts").GetInt32() / 2);
    }

    [Theory]
    [InlineData("--target", "not a url", "--target:")]
    [InlineData("--target", "http://127.0.0.1:9/v1", "could not reach")]
    [InlineData("--suite", "nope", "unknown suite 'nope'")]
    [InlineData("--concurrency", "0", "--concurrency")]
    public async Task Bad_input_exits_2_with_one_line(string option, string value, string expected)
    {
        var args = option == "--target"
            ? new[] { "redteam", option, value }
            : ["redteam", "--target", "http://127.0.0.1:9/v1", option, value];

        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(Path.GetTempPath(), null, args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_that_refuses_the_key_exits_2_instead_of_scoring_every_attack_as_stopped()
    {
        var script = new TestModelScript();
        script.Rules.Add(new TestModelRule { Status = 401, Error = "Incorrect API key provided." });
        await using var model = await TestModelServer.StartAsync(new TestModelOptions { Urls = "http://127.0.0.1:0", Script = script }, Cancel);

        var (exitCode, _, stderr) = await CliProcess.RunAsync(Path.GetTempPath(), null, "redteam", "--target", model.ApiBaseAddress.ToString(), "--key", "wrong");

        Assert.Equal(2, exitCode);
        Assert.Contains("check --key", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_model_with_an_unknown_profile_exits_2()
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync(Path.GetTempPath(), null, "test-model", "--profile", "nope", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exitCode);
        Assert.Equal("caduceus: --profile: unknown profile 'nope'; known: vulnerable-clinic.", stderr.TrimEnd());
    }
}
