using System.Text;
using System.Text.Json;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Audit.Export;
using Caduceus.Gateway.Audit.Search;
using Hl7.Fhir.Serialization;
using Microsoft.Data.Sqlite;
using AuditEvent = Hl7.Fhir.Model.AuditEvent;
using FhirString = Hl7.Fhir.Model.FhirString;

namespace Caduceus.Gateway.Tests.Audit.Export;

public sealed class AuditExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-audit-export-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Jsonl_lines_recompute_to_the_stored_chain_from_genesis()
    {
        var records = SampleAuditRecords.Generate(21, 60).ToList();
        await SampleAuditRecords.WriteTrailAsync(_directory, records, Cancel);

        var lines = await ExportAsync(new AuditQuery(), AuditExportFormat.Jsonl);

        Assert.Equal(60, lines.Count);
        var previous = new byte[32];
        for (var i = 0; i < lines.Count; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            var recordBytes = Encoding.UTF8.GetBytes(line.RootElement.GetProperty("record").GetString()!);
            var prevHash = Convert.FromHexString(line.RootElement.GetProperty("prev_hash").GetString()!);
            Assert.Equal(i + 1, line.RootElement.GetProperty("seq").GetInt64());
            Assert.Equal(previous, prevHash);
            Assert.Equal(Convert.ToHexStringLower(AuditChain.Hash(prevHash, recordBytes)), line.RootElement.GetProperty("hash").GetString());
            Assert.Equal(records[i].ToCanonicalJson(i + 1), recordBytes);
            previous = AuditChain.Hash(prevHash, recordBytes);
        }
    }

    [Fact]
    public async Task Jsonl_from_the_middle_of_the_trail_starts_at_the_stored_previous_hash_and_links()
    {
        var start = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        var records = Enumerable.Range(0, 10).Select(i => Simple(start.AddMinutes(i))).ToList();
        await SampleAuditRecords.WriteTrailAsync(_directory, records, Cancel);

        var lines = (await ExportAsync(new AuditQuery { Since = start.AddMinutes(4), Until = start.AddMinutes(7) }, AuditExportFormat.Jsonl))
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal([5L, 6L, 7L], lines.Select(l => l.GetProperty("seq").GetInt64()));
        var stored = new SqliteAuditReader(Path.Combine(_directory, AuditSchema.FileName)).ReadAsync(4, Cancel);
        await foreach (var record in stored)
        {
            Assert.Equal(Convert.ToHexStringLower(record.PreviousHash), lines[0].GetProperty("prev_hash").GetString());
            break;
        }

        Assert.Equal(lines[0].GetProperty("hash").GetString(), lines[1].GetProperty("prev_hash").GetString());
        Assert.Equal(lines[1].GetProperty("hash").GetString(), lines[2].GetProperty("prev_hash").GetString());
    }

    [Fact]
    public async Task A_record_modified_in_storage_no_longer_recomputes_to_its_hash_in_the_export()
    {
        await SampleAuditRecords.WriteTrailAsync(_directory, Enumerable.Range(0, 5).Select(i => Simple(DateTimeOffset.UnixEpoch.AddDays(i))), Cancel);
        AuditDatabase.Execute(_directory, "UPDATE audit_records SET record = CAST(replace(CAST(record AS TEXT), '\"allowed\"', '\"blocked\"') AS BLOB) WHERE seq = 3");

        var lines = (await ExportAsync(new AuditQuery(), AuditExportFormat.Jsonl)).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        var broken = lines.Where(l => Convert.ToHexStringLower(AuditChain.Hash(
            Convert.FromHexString(l.GetProperty("prev_hash").GetString()!),
            Encoding.UTF8.GetBytes(l.GetProperty("record").GetString()!))) != l.GetProperty("hash").GetString());
        Assert.Equal([3L], broken.Select(l => l.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Fhir_lines_parse_back_as_audit_events_with_the_mapped_fields()
    {
        var record = new AuditRecord
        {
            Time = new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.Zero),
            Kind = "chat",
            Method = "POST",
            Route = "/v1/chat/completions",
            Status = 400,
            Decision = "blocked",
            Code = "phi_blocked",
            KeyId = "key_00112233aabbccdd",
            Application = "portal",
            Model = "caduceus-test-model",
            Findings = [new AuditFinding("SSN", 2, ["aa11", "bb22"]), new AuditFinding("NAME", 1, [])],
            UpstreamLatencyMs = 1.5,
            EventIds = ["evt_0001"],
        };
        await SampleAuditRecords.WriteTrailAsync(_directory, [record, record with { Decision = "allowed", Status = 200, KeyId = "oidc:alice", Method = "GET", Kind = "admin", Code = null }], Cancel);

        var lines = await ExportAsync(new AuditQuery(), AuditExportFormat.Fhir);

        Assert.Equal(2, lines.Count);
        var deserializer = new FhirJsonDeserializer();
        var blocked = Assert.IsType<AuditEvent>(deserializer.DeserializeResource(lines[0]));
        Assert.Equal("caduceus-audit-1", blocked.Id);
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest"), (blocked.Type!.System, blocked.Type.Code));
        Assert.Contains(blocked.Subtype, c => c.System == AuditEventCodes.Kind && c.Code == "chat");
        Assert.Contains(blocked.Subtype, c => c.System == AuditEventCodes.Route && c.Code == "/v1/chat/completions");
        Assert.Equal(AuditEvent.AuditEventAction.E, blocked.Action);
        Assert.Equal(record.Time, blocked.Recorded);
        Assert.Equal(AuditEvent.AuditEventOutcome.N4, blocked.Outcome);
        Assert.Equal("blocked (HTTP 400, phi_blocked)", blocked.OutcomeDesc);
        var caller = Assert.Single(blocked.Agent);
        Assert.True(caller.Requestor);
        var who = caller.Who!;
        Assert.Equal((AuditEventCodes.ApiKey, "key_00112233aabbccdd"), (who.Identifier!.System, who.Identifier.Value));
        Assert.Equal("api-key", caller.Role.Single().Coding.Single().Code);
        Assert.Equal("6", blocked.Source!.Type.Single().Code);
        Assert.Equal("test-gateway", blocked.Source.Observer!.Identifier!.Value);

        var chain = Entity(blocked, AuditEventCodes.AuditChain);
        Assert.Equal("1", chain.What!.Identifier!.Value);
        Assert.Equal(new string('0', 64), Detail(chain, "prev_hash").Single());
        Assert.Matches("^[0-9a-f]{64}$", Detail(chain, "hash").Single());
        Assert.Equal("portal", Entity(blocked, AuditEventCodes.Application).What!.Identifier!.Value);
        Assert.Equal("caduceus-test-model", Entity(blocked, AuditEventCodes.Model).What!.Identifier!.Value);
        var ssn = blocked.Entity.Single(e => e.What!.Identifier!.System == AuditEventCodes.FindingType && e.What.Identifier.Value == "SSN");
        Assert.Equal(["2"], Detail(ssn, "count"));
        Assert.Equal(["aa11", "bb22"], Detail(ssn, "value_hash"));
        Assert.Equal("evt_0001", Entity(blocked, AuditEventCodes.SecurityEvent).What!.Identifier!.Value);

        var allowed = Assert.IsType<AuditEvent>(deserializer.DeserializeResource(lines[1]));
        Assert.Equal(AuditEvent.AuditEventOutcome.N0, allowed.Outcome);
        Assert.Equal(AuditEvent.AuditEventAction.R, allowed.Action);
        Assert.Equal((AuditEventCodes.OidcSubject, "alice"), (allowed.Agent[0].Who!.Identifier!.System, allowed.Agent[0].Who!.Identifier!.Value));
    }

    [Theory]
    [InlineData("request", "POST", 200, "allowed", AuditEvent.AuditEventAction.C, AuditEvent.AuditEventOutcome.N0)]
    [InlineData("admin", "DELETE", 200, "allowed", AuditEvent.AuditEventAction.D, AuditEvent.AuditEventOutcome.N0)]
    [InlineData("admin", "PATCH", 401, "refused", AuditEvent.AuditEventAction.U, AuditEvent.AuditEventOutcome.N4)]
    [InlineData("chat", "POST", 200, "redacted", AuditEvent.AuditEventAction.E, AuditEvent.AuditEventOutcome.N0)]
    [InlineData("chat", "POST", 502, "failed", AuditEvent.AuditEventAction.E, AuditEvent.AuditEventOutcome.N8)]
    [InlineData("chat", "POST", 500, "failed", AuditEvent.AuditEventAction.E, AuditEvent.AuditEventOutcome.N12)]
    public void Action_and_outcome_follow_the_method_decision_and_status(string kind, string method, int status, string decision, AuditEvent.AuditEventAction action, AuditEvent.AuditEventOutcome outcome)
    {
        var record = new AuditRecord { Time = DateTimeOffset.UnixEpoch, Kind = kind, Method = method, Route = "/", Status = status, Decision = decision };

        Assert.Equal(action, AuditEventMapping.ActionOf(record));
        Assert.Equal(outcome, AuditEventMapping.OutcomeOf(record));
    }

    [Fact]
    public async Task An_unauthenticated_caller_is_an_agent_without_an_identifier()
    {
        await SampleAuditRecords.WriteTrailAsync(_directory, [Simple(DateTimeOffset.UnixEpoch) with { Status = 401, Decision = "refused" }], Cancel);

        var auditEvent = Assert.IsType<AuditEvent>(new FhirJsonDeserializer().DeserializeResource((await ExportAsync(new AuditQuery(), AuditExportFormat.Fhir)).Single()));

        Assert.Null(auditEvent.Agent[0].Who!.Identifier);
        Assert.Equal("unauthenticated", auditEvent.Agent[0].Role.Single().Coding.Single().Code);
    }

    internal static AuditEvent.EntityComponent Entity(AuditEvent auditEvent, string system) =>
        auditEvent.Entity.Single(e => e.What?.Identifier?.System == system);

    internal static List<string> Detail(AuditEvent.EntityComponent entity, string type) =>
        entity.Detail.Where(d => d.Type == type).Select(d => ((FhirString)d.Value).Value!).ToList();

    private static AuditRecord Simple(DateTimeOffset time) =>
        new() { Time = time, Kind = "chat", Method = "POST", Route = "/v1/chat/completions", Status = 200, Decision = "allowed" };

    private async Task<List<string>> ExportAsync(AuditQuery query, AuditExportFormat format)
    {
        using var output = new MemoryStream();
        var written = await AuditExport.WriteAsync(new SqliteAuditReader(Path.Combine(_directory, AuditSchema.FileName)), query, format, output, "test-gateway", Cancel);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.TrimEnd('\n').Split('\n').Where(l => l.Length > 0).ToList();
        Assert.Equal(written, lines.Count);
        return lines;
    }
}
