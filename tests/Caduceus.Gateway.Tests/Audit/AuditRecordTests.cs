using System.Text;
using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.Tests.Audit;

public sealed class AuditRecordTests
{
    private static AuditRecord Record() => new()
    {
        Time = new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero),
        Kind = "chat",
        Method = "POST",
        Route = "/v1/chat/completions",
        Status = 200,
        Decision = "redacted",
    };

    [Fact]
    public void Canonical_json_is_deterministic_whatever_the_order_findings_were_added_in()
    {
        var a = Record() with { Findings = [new("SSN", 1, ["b", "a"]), new("NAME", 2, [])] };
        var b = Record() with { Findings = [new("NAME", 2, []), new("SSN", 1, ["a", "b"])] };

        Assert.Equal(a.ToCanonicalJson(7), b.ToCanonicalJson(7));
        Assert.StartsWith("{\"seq\":7,", Encoding.UTF8.GetString(a.ToCanonicalJson(7)), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_purge_record_carries_a_purged_field_so_older_records_keep_their_hashed_form()
    {
        var plain = Encoding.UTF8.GetString(Record().ToCanonicalJson(1));
        var purge = Encoding.UTF8.GetString((Record() with { Purged = new AuditPurge(1, 8, 8, 1) }).ToCanonicalJson(9));

        Assert.DoesNotContain("purged", plain, StringComparison.Ordinal);
        Assert.EndsWith("\"event_ids\":[]}", plain, StringComparison.Ordinal);
        Assert.EndsWith("\"purged\":{\"first_seq\":1,\"through_seq\":8,\"records\":8,\"checkpoints\":1}}", purge, StringComparison.Ordinal);
    }
}
