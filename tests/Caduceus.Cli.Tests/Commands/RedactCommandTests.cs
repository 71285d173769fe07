using System.Text.Json;
using System.Text.RegularExpressions;

namespace Caduceus.Cli.Tests.Commands;

public sealed partial class RedactCommandTests
{
    private const string Note = "Patient SSN 536-22-1843, call (415) 555-0132; again 536 22 1843.";

    private static string WorkDir => Path.GetTempPath();

    [Fact]
    public async Task Redacts_with_type_labels_by_default()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "redact", Note);

        Assert.Equal(0, exit);
        Assert.Equal("Patient SSN [SSN], call [PHONE]; again [SSN].\n", stdout);
    }

    [Fact]
    public async Task Masks_all_but_the_last_digits()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "redact", "--operator", "mask", Note);

        Assert.Equal(0, exit);
        Assert.Equal("Patient SSN ***-**-1843, call (***) ***-0132; again *** ** 1843.\n", stdout);
    }

    [Fact]
    public async Task Pseudonymizes_the_same_value_to_the_same_token()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "redact", "--operator", "pseudonymize", Note);

        Assert.Equal(0, exit);
        Assert.Equal("Patient SSN <SSN_1>, call <PHONE_1>; again <SSN_1>.\n", stdout);
    }

    [Fact]
    public async Task Hashes_with_the_configured_vault_key_the_same_way_every_run()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-redact-").FullName;
        var key = Convert.ToBase64String([.. Enumerable.Range(7, 32).Select(i => (byte)i)]);
        await File.WriteAllTextAsync(Path.Combine(workDir, "appsettings.json"), $$$"""{"Vault":{"Key":"{{{key}}}"}}""", TestContext.Current.CancellationToken);

        var first = await CliProcess.RunAsync(workDir, null, "redact", "--operator", "hash", "SSN 536-22-1843");
        var second = await CliProcess.RunAsync(workDir, null, "redact", "--operator", "hash", "SSN 536 22 1843");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Matches(HashedSsn(), first.Stdout);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.DoesNotContain(key, first.Stdout + first.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Surrogates_look_real_but_are_not_the_values()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "redact", "--operator", "surrogate", Note);

        Assert.Equal(0, exit);
        Assert.Matches(SurrogateNote(), stdout);
        Assert.DoesNotContain("536", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acts_only_on_the_chosen_entities()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "redact", "--entities", "phone", Note);

        Assert.Equal(0, exit);
        Assert.Equal("Patient SSN 536-22-1843, call [PHONE]; again 536 22 1843.\n", stdout);
    }

    [Fact]
    public async Task Prints_json_with_spans_and_operators_but_no_values()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "redact", "--json", "--operator", "pseudonymize", Note);

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(stdout).RootElement;
        var text = root.GetProperty("text").GetString()!;
        Assert.Equal("Patient SSN <SSN_1>, call <PHONE_1>; again <SSN_1>.", text);
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(3, findings.Count);
        var ssn = findings[0];
        Assert.Equal("SSN", ssn.GetProperty("type").GetString());
        Assert.Equal((12, 23), (ssn.GetProperty("start").GetInt32(), ssn.GetProperty("end").GetInt32()));
        Assert.Equal("pseudonymize", ssn.GetProperty("operator").GetString());
        Assert.Equal("<SSN_1>", text[ssn.GetProperty("output_start").GetInt32()..ssn.GetProperty("output_end").GetInt32()]);
        Assert.DoesNotContain("1843", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("0132", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_standard_input_and_files()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "mail jane.roe@example.org\n", TestContext.Current.CancellationToken);

        var fromStdin = await CliProcess.RunAsync(WorkDir, "SSN 536-22-1843", "redact", "-");
        var fromFile = await CliProcess.RunAsync(WorkDir, null, "redact", "--file", file);

        Assert.Equal((0, "SSN [SSN]\n"), (fromStdin.ExitCode, fromStdin.Stdout));
        Assert.Equal((0, "mail [EMAIL]\n"), (fromFile.ExitCode, fromFile.Stdout));
        File.Delete(file);
    }

    [Fact]
    public async Task Leaves_text_without_phi_as_it_is()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "redact", "What time do you open tomorrow?");

        Assert.Equal((0, "What time do you open tomorrow?\n"), (exit, stdout));
    }

    [Theory]
    [InlineData("redact")]
    [InlineData("redact", "--operator", "shred", "text")]
    [InlineData("redact", "--entities", "SSN,SHOE_SIZE", "text")]
    [InlineData("redact", "--entities", ",", "text")]
    [InlineData("redact", "--file", "/nonexistent/file.txt")]
    [InlineData("redact", "--file", "/tmp")]
    [InlineData("redact", "--file", "/etc/hostname", "text")]
    public async Task Bad_input_exits_2_with_a_one_line_message(params string[] args)
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(WorkDir, null, args);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("caduceus: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_bad_vault_key_exits_2_without_showing_it()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-redact-").FullName;
        await File.WriteAllTextAsync(Path.Combine(workDir, "appsettings.json"), """{"Vault":{"Key":"c2VjcmV0LWJ1dC1zaG9ydA=="}}""", TestContext.Current.CancellationToken);

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, "redact", "--operator", "hash", "SSN 536-22-1843");

        Assert.Equal(2, exit);
        Assert.Contains("Vault:Key", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LWJ1dC1zaG9ydA==", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Has_help()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "redact", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        Assert.Contains("--operator", stdout, StringComparison.Ordinal);
        Assert.Contains("pseudonymize", stdout, StringComparison.Ordinal);
    }

    [GeneratedRegex("^SSN <SSN:[0-9a-f]{8}>\n$")]
    private static partial Regex HashedSsn();

    [GeneratedRegex(@"^Patient SSN 9[0-9]{2}-[0-9]{2}-[0-9]{4}, call \([2-9][0-9]{2}\) 555-01[0-9]{2}; again 9[0-9]{2} [0-9]{2} [0-9]{4}\.\n$")]
    private static partial Regex SurrogateNote();
}
