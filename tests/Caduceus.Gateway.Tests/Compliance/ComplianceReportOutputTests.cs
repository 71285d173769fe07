using System.Text.Json;
using System.Text.RegularExpressions;
using Caduceus.Gateway.Compliance;

namespace Caduceus.Gateway.Tests.Compliance;

/// <summary>The JSON shape and the self-contained HTML page of a report.</summary>
public sealed partial class ComplianceReportOutputTests
{
    private static readonly ComplianceReport Report = new(
        ComplianceFrameworks.Find("hipaa")!,
        new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero),
        "appsettings.json, CADUCEUS_ environment variables",
        new DateTimeOffset(2026, 8, 31, 8, 0, 0, TimeSpan.Zero),
        [
            new("164.312(b)", "Audit controls", ControlStatus.Pass, "The chain verifies.", [new("audit records", "12"), new("chain verified up to record", "12")]),
            new("164.312(e)(1)", "Transmission security", ControlStatus.Gap, "Plain <script>alert(1)</script> HTTP on http://example.org/", [new("Urls", "http://0.0.0.0:8080")]),
            new("LLM08", "Vector and Embedding Weaknesses", ControlStatus.NotApplicable, "No vector store.", []),
        ]);

    [Fact]
    public void Json_has_framework_time_source_summary_and_each_control_with_status_reason_and_evidence()
    {
        var root = JsonDocument.Parse(ComplianceReportJson.Write(Report)).RootElement;

        Assert.Equal("hipaa", root.GetProperty("framework").GetString());
        Assert.Equal("2026-11-29T08:00:00Z", root.GetProperty("generated_at").GetString());
        Assert.Equal("appsettings.json, CADUCEUS_ environment variables", root.GetProperty("configuration_source").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal((3, 1, 1, 1), (summary.GetProperty("controls").GetInt32(), summary.GetProperty("pass").GetInt32(), summary.GetProperty("gap").GetInt32(), summary.GetProperty("not_applicable").GetInt32()));
        var controls = root.GetProperty("controls").EnumerateArray().ToArray();
        Assert.Equal(["pass", "gap", "not_applicable"], controls.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal("164.312(b)", controls[0].GetProperty("id").GetString());
        Assert.Equal("The chain verifies.", controls[0].GetProperty("reason").GetString());
        var evidence = controls[0].GetProperty("evidence")[1];
        Assert.Equal(("chain verified up to record", "12"), (evidence.GetProperty("name").GetString(), evidence.GetProperty("value").GetString()));
    }

    [Fact]
    public void Html_is_self_contained_escapes_text_and_labels_its_table()
    {
        var html = ComplianceReportHtml.Render(Report);

        Assert.Empty(ExternalReference().Matches(html));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(html, "<th scope=\"col\">"));
        Assert.Contains("<span class=\"badge gap\">gap</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge not_applicable\">not applicable</span>", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
    }

    /// <summary>Any attribute or CSS that would load something: src, href, url(), @import.</summary>
    [GeneratedRegex(@"\b(src|href|action)\s*=|url\(|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
