using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Caduceus.Gateway.Audit;
using Hl7.Fhir.Serialization;
using AuditEvent = Hl7.Fhir.Model.AuditEvent;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus audit export</c> against the real executable.</summary>
public sealed class AuditExportCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Jsonl_of_a_time_range_goes_to_stdout_and_recomputes_to_a_linked_chain()
    {
        var workDir = await AuditTrailWorkDir.CreateAsync(AuditTrailWorkDir.Mixed(), Cancel);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, "audit", "export", "--since", "2026-11-28T09:01:00Z", "--until", "2026-11-28T09:05:00Z", "--format", "jsonl");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([2L, 3L, 4L, 5L], lines.Select(l => l.GetProperty("seq").GetInt64()));
        string? previous = null;
        foreach (var line in lines)
        {
            var prevHash = line.GetProperty("prev_hash").GetString()!;
            var record = Encoding.UTF8.GetBytes(line.GetProperty("record").GetString()!);
            Assert.Equal(Convert.ToHexStringLower(AuditChain.Hash(Convert.FromHexString(prevHash), record)), line.GetProperty("hash").GetString());
            Assert.True(previous is null || previous == prevHash, "each line links to the one before");
            Assert.Equal(line.GetProperty("seq").GetInt64(), JsonDocument.Parse(record).RootElement.GetProperty("seq").GetInt64());
            previous = line.GetProperty("hash").GetString();
        }
    }

    [Fact]
    public async Task Fhir_to_a_file_parses_back_as_audit_events()
    {
        var workDir = await AuditTrailWorkDir.CreateAsync(AuditTrailWorkDir.Mixed(), Cancel);
        var file = Path.Combine(workDir, "audit.ndjson");

        var (exit, stdout, _) = await CliProcess.RunAsync(workDir, null, "audit", "export", "--since", "2026-11-28", "--format", "fhir", "--out", file);

        Assert.Equal(0, exit);
        Assert.Equal($"Exported 6 records to {file}.\n", stdout);
        Assert.False(File.Exists(file + ".partial"));
        var events = (await File.ReadAllLinesAsync(file, Cancel)).Select(l => Assert.IsType<AuditEvent>(new FhirJsonDeserializer().DeserializeResource(l))).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"caduceus-audit-{i}"), events.Select(e => e.Id));
        Assert.Equal(AuditEvent.AuditEventOutcome.N4, events[2].Outcome);
        Assert.Equal("key_000000000000000b", events[2].Agent[0].Who!.Identifier!.Value);
        Assert.Contains(events[2].Entity, e => e.What!.Identifier!.Value == "evt_00000000000000b2");
    }

    [Theory]
    [InlineData("--format", "jsonl")]
    [InlineData("--since", "2026-11-28")]
    [InlineData("--since", "2026-11-28", "--format", "xml")]
    [InlineData("--since", "last tuesday", "--format", "fhir")]
    [InlineData("--since", "2026-11-28", "--until", "2026-11-27", "--format", "fhir")]
    [InlineData("--since", "2026-11-28", "--format", "fhir", "--out", "/nonexistent-dir/x.ndjson")]
    public async Task Bad_input_exits_2_with_one_line(params string[] arguments)
    {
        var workDir = await AuditTrailWorkDir.CreateAsync(AuditTrailWorkDir.Mixed(), Cancel);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, ["audit", "export", .. arguments]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("caduceus: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Phi_sent_through_a_running_gateway_appears_in_neither_export()
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-cli-audit-").FullName;
        const string key = "bootstrap-key-for-audit-export-0123456789";
        await using (var serve = CliProcess.Start(workDir, new Dictionary<string, string> { ["CADUCEUS_BOOTSTRAP_API_KEY"] = key }, "serve", "--urls", "http://127.0.0.1:0"))
        {
            var line = await serve.WaitForLineAsync(l => l.StartsWith("Caduceus gateway listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            using var http = new HttpClient { BaseAddress = new Uri(line["Caduceus gateway listening on ".Length..].Trim() + "/") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.PostAsync(
                "v1/chat/completions",
                new StringContent("""{"messages":[{"role":"user","content":"My name is Maria Gonzalez and my SSN is 536-22-1843"}]}""", Encoding.UTF8, "application/json"),
                Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        foreach (var format in new[] { "jsonl", "fhir" })
        {
            var (exit, stdout, _) = await CliProcess.RunAsync(workDir, null, "audit", "export", "--since", "1d", "--format", format);

            Assert.Equal(0, exit);
            Assert.Contains("SSN", stdout, StringComparison.Ordinal);
            foreach (var phi in new[] { "536-22-1843", "536221843", "Maria", "Gonzalez" })
            {
                Assert.DoesNotContain(phi, stdout, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
