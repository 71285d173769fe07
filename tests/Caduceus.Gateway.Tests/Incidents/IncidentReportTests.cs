using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Tests.Incidents;

public sealed class IncidentReportTests
{
    private static readonly DateTimeOffset Discovered = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_possible_breach_gets_the_four_factor_assessment_and_the_60_day_deadline()
    {
        var report = IncidentReport.ToMarkdown(Incident(DefaultPlaybooks.All[DefaultPlaybooks.PhiExfiltration].Categories));

        Assert.Contains("## HIPAA breach risk assessment (45 CFR 164.402)", report, StringComparison.Ordinal);
        Assert.Contains("**2027-01-28 08:00:00.000 UTC**", report, StringComparison.Ordinal);
        Assert.Contains("| 4. The extent to which the risk has been mitigated |", report, StringComparison.Ordinal);
        Assert.Contains("- SSN: 2", report, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incident_that_is_no_breach_candidate_has_no_breach_section()
    {
        var report = IncidentReport.ToMarkdown(Incident(DefaultPlaybooks.All[DefaultPlaybooks.InjectionBurst].Categories));

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
