using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Tests.Incidents;

public sealed class IncidentReportTests
{
    private static readonly DateTimeOffset Discovered = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_possible_breach_gets_the_four_factor_assessment_and_the_60_day_deadline()
    {
        var report = IncidentReport.ToMarkdown(Incident(DefaultPlaybooks.All[DefaultPlaybooks.PhiExfiltration].Categories), Discovered.AddDays(55));

        Assert.Contains("## HIPAA breach risk assessment (45 CFR 164.402)", report, StringComparison.Ordinal);
        Assert.Contains("**2027-01-28 08:00:00.000 UTC**", report, StringComparison.Ordinal);
        Assert.Contains("| 4. The extent to which the risk has been mitigated |", report, StringComparison.Ordinal);
        Assert.Contains("- SSN: 2", report, StringComparison.Ordinal);
        Assert.Contains("Notification clock: **DueSoon, 5 days left**", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clock_reads_overdue_after_60_days_and_stopped_once_notification_is_recorded()
    {
        var incident = Incident(DefaultPlaybooks.All[DefaultPlaybooks.PhiExfiltration].Categories);

        Assert.Contains("OVERDUE by 3 days", IncidentReport.ToMarkdown(incident, Discovered.AddDays(63)), StringComparison.Ordinal);
        var notified = incident with { NotifiedAt = Discovered.AddDays(20), NotificationNote = "letters mailed to 2 patients" };
        Assert.Contains("stopped 2026-12-19 08:00:00.000 UTC (letters mailed to 2 patients)", IncidentReport.ToMarkdown(notified, Discovered.AddDays(63)), StringComparison.Ordinal);
        Assert.Equal(BreachClockState.Stopped, BreachClock.StateOf(notified, Discovered.AddDays(63)));
    }

    [Fact]
    public void The_html_report_is_one_page_with_tables_and_no_markup_from_the_incident()
    {
        var incident = Incident(DefaultPlaybooks.All[DefaultPlaybooks.PhiExfiltration].Categories) with { Subject = "<script>alert(1)</script>" };

        var html = IncidentReport.ToHtml(incident, Discovered);

        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Timeline</h2>", html, StringComparison.Ordinal);
        Assert.Contains("HIPAA breach risk assessment", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drill_is_marked_and_has_no_breach_clock()
    {
        var drill = Incident(DefaultPlaybooks.All[DefaultPlaybooks.PhiExfiltration].Categories) with { Drill = true };

        var report = IncidentReport.ToMarkdown(drill, Discovered);

        Assert.Contains("# Incident inc_test (drill)", report, StringComparison.Ordinal);
        Assert.DoesNotContain("breach risk assessment", report, StringComparison.Ordinal);
        Assert.Null(drill.NotificationDueAt);
        Assert.Equal(BreachClockState.NotApplicable, BreachClock.StateOf(drill, Discovered.AddDays(70)));
    }

    [Fact]
    public void An_incident_that_is_no_breach_candidate_has_no_breach_section()
    {
        var report = IncidentReport.ToMarkdown(Incident(DefaultPlaybooks.All[DefaultPlaybooks.InjectionBurst].Categories), Discovered);

        Assert.DoesNotContain("breach risk assessment", report, StringComparison.Ordinal);
        Assert.Contains("## Timeline", report, StringComparison.Ordinal);
    }

    private static Incident Incident(IReadOnlyList<string> categories) => new()
    {
        Id = "inc_test",
        Playbook = "p",
        Subject = "key_1",
        Application = "portal",
        Severity = IncidentSeverity.High,
        Categories = categories,
        Status = IncidentStatus.Open,
        OpenedAt = Discovered,
        UpdatedAt = Discovered,
        Events = [new IncidentEvent("evt_1", Discovered, "response.blocked", "other_patient_phi", "/v1/chat/completions", new Dictionary<string, int> { ["SSN"] = 2 })],
    };
}
