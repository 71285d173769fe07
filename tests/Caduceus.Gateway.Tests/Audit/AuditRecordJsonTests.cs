using System.Text;
using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.Tests.Audit;

public sealed class AuditRecordJsonTests
{
    [Fact]
    public void Parsing_and_writing_again_gives_the_same_bytes_for_varied_records()
    {
        var sequence = 0L;
        foreach (var record in SampleAuditRecords.Generate(seed: 7, count: 2000))
        {
            sequence += 1 + (sequence % 3);
            var bytes = record.ToCanonicalJson(sequence);

            var parsed = AuditRecordJson.Parse(bytes, sequence);

            Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(parsed.ToCanonicalJson(sequence)));
        }
    }

    [Fact]
    public void A_retention_purge_record_round_trips_with_its_purged_range()
    {
        var record = new AuditRecord
        {
            Time = DateTimeOffset.UnixEpoch,
            Kind = "admin",
            Method = "PURGE",
            Route = "/audit/retention",
            Status = 200,
            Decision = AuditDecisions.Allowed,
            Purged = new AuditPurge(1, 4000, 4000, 4),
        };
        var bytes = record.ToCanonicalJson(4001);

        var parsed = AuditRecordJson.Parse(bytes, 4001);

        Assert.Equal(new AuditPurge(1, 4000, 4000, 4), parsed.Purged);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(parsed.ToCanonicalJson(4001)));
        var extra = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).TrimEnd('}') + ",\"extra\":1}");
        Assert.Throws<AuditRecordFormatException>(() => AuditRecordJson.Parse(extra, 4001));
    }

    [Fact]
    public void Parsing_keeps_every_field()
    {
        var record = new AuditRecord
        {
            Time = new DateTimeOffset(2026, 11, 28, 9, 30, 1, 123, TimeSpan.Zero).AddTicks(4567),
            Kind = "chat",
            Method = "POST",
            Route = "/v1/chat/completions",
            Status = 400,
            Decision = "blocked",
            Code = "phi_blocked",
            KeyId = "key_0011223344556677",
            Application = "portal",
            Model = "gpt-x",
            Findings = [new AuditFinding("SSN", 2, ["aa", "bb"])],
            UpstreamLatencyMs = 12.345,
            Usage = new AuditUsage(10, 20, 30),
            EventIds = ["evt_1", "evt_2"],
        };

        var parsed = AuditRecordJson.Parse(record.ToCanonicalJson(9), 9);

        Assert.Equal(record.Time, parsed.Time);
        Assert.Equal(TimeSpan.Zero, parsed.Time.Offset);
        Assert.Equal(("chat", "POST", "/v1/chat/completions", 400, "blocked", "phi_blocked"), (parsed.Kind, parsed.Method, parsed.Route, parsed.Status, parsed.Decision, parsed.Code));
        Assert.Equal(("key_0011223344556677", "portal", "gpt-x"), (parsed.KeyId, parsed.Application, parsed.Model));
        var finding = Assert.Single(parsed.Findings);
        Assert.Equal(("SSN", 2), (finding.Type, finding.Count));
        Assert.Equal(["aa", "bb"], finding.ValueHashes);
        Assert.Equal(12.345, parsed.UpstreamLatencyMs);
        Assert.Equal(new AuditUsage(10, 20, 30), parsed.Usage);
        Assert.Equal(["evt_1", "evt_2"], parsed.EventIds);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"seq\":5,\"time\":\"2026-11-28T09:30:01.0000000Z\"")]
    [InlineData("{\"seq\":6,\"time\":\"2026-11-28T09:30:01.0000000Z\",\"kind\":\"chat\"}")]
    [InlineData("{\"time\":\"2026-11-28T09:30:01.0000000Z\",\"seq\":5}")]
    [InlineData("[]")]
    public void Malformed_bytes_fail_naming_the_sequence(string json)
    {
        var exception = Assert.Throws<AuditRecordFormatException>(() => AuditRecordJson.Parse(Encoding.UTF8.GetBytes(json), 5));

        Assert.Equal(5, exception.Sequence);
        Assert.StartsWith("audit record 5 ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_stored_under_another_sequence_number_fails()
    {
        var bytes = SampleAuditRecords.Generate(1, 1).Single().ToCanonicalJson(3);

        var exception = Assert.Throws<AuditRecordFormatException>(() => AuditRecordJson.Parse(bytes, 4));

        Assert.Contains("'seq'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"kind\":\"chat\"", "\"kind\":null")]
    [InlineData("\"status\":", "\"status\":\"x\",\"_\":")]
    [InlineData("\"event_ids\":[", "\"extra\":1,\"event_ids\":[")]
    [InlineData("Z\",", "\",")]
    public void A_record_changed_from_the_canonical_form_fails(string from, string to)
    {
        var record = new AuditRecord { Time = DateTimeOffset.UnixEpoch, Kind = "chat", Method = "POST", Route = "/v1/chat/completions", Status = 200, Decision = "allowed" };
        var changed = Encoding.UTF8.GetString(record.ToCanonicalJson(1)).Replace(from, to, StringComparison.Ordinal);

        Assert.Throws<AuditRecordFormatException>(() => AuditRecordJson.Parse(Encoding.UTF8.GetBytes(changed), 1));
    }

    [Fact]
    public void Trailing_bytes_after_the_record_fail()
    {
        var record = new AuditRecord { Time = DateTimeOffset.UnixEpoch, Kind = "chat", Method = "POST", Route = "/", Status = 200, Decision = "allowed" };
        var bytes = record.ToCanonicalJson(1).Concat("{}"u8.ToArray()).ToArray();

        Assert.Throws<AuditRecordFormatException>(() => AuditRecordJson.Parse(bytes, 1));
    }
}
