using System.Text.Json;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus audit search</c> against the real executable, on an audit database written as the gateway writes it.</summary>
public sealed class AuditSearchCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("1,2,6", "--identity", "key_000000000000000a")]
    [InlineData("5", "--identity", "oidc:alice")]
    [InlineData("2", "--app", "phone")]
    [InlineData("3,6", "--decision", "blocked")]
    [InlineData("3,6", "--decision", "BLOCKED")]
    [InlineData("4", "--event-id", "evt_00000000000000b3")]
    [InlineData("2,3,4", "--since", "2026-11-28T09:01:00Z", "--until", "2026-11-28T09:04:00Z")]
    [InlineData("4,5,6", "--since", "2026-11-28T10:03:00+01:00")]
    [InlineData("1,2", "--until", "2026-11-28T09:02")]
    [InlineData("6", "--identity", "key_000000000000000a", "--decision", "blocked", "--app", "portal")]
    [InlineData("1,3", "--app", "portal", "--limit", "2")]
    [InlineData("", "--identity", "key_000000000000000a", "--app", "nowhere")]
    public async Task Prints_the_matching_records_as_json_lines_oldest_first(string expected, params string[] criteria)
    {
        var workDir = await AuditTrailWorkDir.CreateAsync(AuditTrailWorkDir.Mixed(), Cancel);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, ["audit", "search", "--json", .. criteria]);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        var sequences = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("seq").GetInt64());
        Assert.Equal(expected, string.Join(',', sequences));
    }

    [Fact]
    public async Task Prints_a_table_for_people_and_says_when_nothing_matches()
    {
        var workDir = await AuditTrailWorkDir.CreateAsync(AuditTrailWorkDir.Mixed(), Cancel);

        var (exit, stdout, _) = await CliProcess.RunAsync(workDir, null, "audit", "search", "--decision", "blocked");
        var (noneExit, noneStdout, _) = await CliProcess.RunAsync(workDir, null, "audit", "search", "--app", "nowhere");

        Assert.Equal(0, exit);
        Assert.Contains("evt_00000000000000b2", stdout, StringComparison.Ordinal);
        Assert.Contains("evt_00000000000000b5", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("oidc:alice", stdout, StringComparison.Ordinal);
        Assert.Equal(0, noneExit);
        Assert.Equal("No records match.\n", noneStdout);
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--until", "2026-13-01")]
    [InlineData("--since", "2026-11-28T10:00Z", "--until", "2026-11-28T09:00Z")]
    [InlineData("--decision", "maybe")]
    [InlineData("--limit", "0")]
    [InlineData("--limit", "-5")]
    [InlineData("--limit", "many")]
    [InlineData("--no-such-option")]
    public async Task Bad_input_exits_2_with_one_line(params string[] arguments)
    {
        var workDir = await AuditTrailWorkDir.CreateAsync(AuditTrailWorkDir.Mixed(), Cancel);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, ["audit", "search", .. arguments]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("caduceus: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task A_missing_trail_exits_2_with_one_line()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-cli-audit-").FullName;

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, "audit", "search");

        Assert.Equal(2, exit);
        Assert.StartsWith("caduceus: the audit trail cannot be read", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task A_record_that_is_not_canonical_exits_2_naming_its_sequence()
    {
        var workDir = await AuditTrailWorkDir.CreateAsync(AuditTrailWorkDir.Mixed(), Cancel);
        AuditTrailWorkDir.Execute(workDir, "UPDATE audit_records SET record = CAST('{\"seq\":4,\"oops\":1}' AS BLOB) WHERE seq = 4");

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, "audit", "search", "--json");

        Assert.Equal(2, exit);
        Assert.Contains("audit record 4 ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }
}
