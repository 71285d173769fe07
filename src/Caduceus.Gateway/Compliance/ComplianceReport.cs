namespace Caduceus.Gateway.Compliance;

/// <summary>One framework's controls as the gateway's configuration and records show them at <see cref="GeneratedAt"/>.</summary>
public sealed record ComplianceReport(
    ComplianceFramework Framework,
    DateTimeOffset GeneratedAt,
    string ConfigurationSource,
    DateTimeOffset PeriodStart,
    IReadOnlyList<ControlResult> Controls)
{
    public int Count(ControlStatus status) => Controls.Count(c => c.Status == status);
}
