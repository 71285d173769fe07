using System.Text.Json;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Storage;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus intel export</c> against the real executable, on indicators stored where <c>serve</c> keeps them.</summary>
public sealed class IntelCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_writes_a_stix_bundle_of_the_gateways_own_indicators_and_since_filters_them()
    {
        var workDir = NewWorkDir();
        await StoreIndicatorsAsync(workDir);
        var file = Path.Combine(workDir, "intel.json");

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, "intel", "export", "--out", file);
        var (recentExit, recent, _) = await CliProcess.RunAsync(workDir, null, "intel", "export", "--since", "2026-11-20");

        Assert.True(exit == 0, stderr);
        Assert.Contains("Exported 2 indicators", stdout, StringComparison.Ordinal);
        var bundle = JsonDocument.Parse(await File.ReadAllTextAsync(file, Cancel)).RootElement;
        Assert.Equal("bundle", bundle.GetProperty("type").GetString());
        Assert.StartsWith("bundle--", bundle.GetProperty("id").GetString(), StringComparison.Ordinal);
        var patterns = bundle.GetProperty("objects").EnumerateArray().Where(o => o.GetProperty("type").GetString() == "indicator").Select(o => o.GetProperty("pattern").GetString()).ToArray();
        Assert.Equal(["[ipv4-addr:value = '203.0.113.9']", $"[artifact:hashes.'SHA-256' = '{new string('c', 64)}']"], patterns);
        Assert.DoesNotContain("198.51.100.7", bundle.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, recentExit);
        Assert.Single(JsonDocument.Parse(recent).RootElement.GetProperty("objects").EnumerateArray(), o => o.GetProperty("type").GetString() == "indicator");
        Assert.False(File.Exists(file + ".partial"));
    }

    [Theory]
    [InlineData("--since", "last tuesday")]
    [InlineData("--since", "2999-01-01")]
    [InlineData("--out", "/nonexistent-caduceus-dir/intel.json")]
    public async Task Bad_input_exits_2_with_one_line_and_writes_nothing(string option, string value)
    {
        var workDir = NewWorkDir();
        await StoreIndicatorsAsync(workDir);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, "intel", "export", option, value);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("caduceus: " + option, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_without_a_gateway_database_exits_2_and_creates_none()
    {
        var workDir = NewWorkDir();

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, "intel", "export");

        Assert.Equal(2, exit);
        Assert.Contains("there is no gateway database", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workDir, "caduceus-data", "caduceus.db")));
    }

    private static string NewWorkDir() => Directory.CreateTempSubdirectory("caduceus-intel-").FullName;

    /// <summary>Two local sightings (an address seen on Nov 1, a payload on Nov 28) and one imported address, as the gateway stores them.</summary>
    private static async Task StoreIndicatorsAsync(string workDir)
    {
        var database = new GatewayDatabase(Microsoft.Extensions.Options.Options.Create(new GatewayOptions { DataDirectory = Path.Combine(workDir, "caduceus-data") }));
        await using var connection = await database.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        var nov1 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var nov28 = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        command.CommandText = $"""
            INSERT INTO threat_indicators (kind, value, origin, first_seen, last_seen, seen_count, confidence, signatures, valid_until) VALUES
                ('SourceAddress', '203.0.113.9', 'local', {nov1}, {nov1}, 1, 50, NULL, NULL),
                ('AttackPayload', '{new string('c', 64)}', 'local', {nov28}, {nov28}, 2, 60, 'InjectionHeuristics', NULL),
                ('SourceAddress', '198.51.100.7', 'taxii:peer', {nov1}, {nov28}, 1, 50, NULL, {nov28 + 86_400_000});
            """;
        await command.ExecuteNonQueryAsync(Cancel);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
