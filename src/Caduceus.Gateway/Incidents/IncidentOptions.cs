namespace Caduceus.Gateway.Incidents;

/// <summary>The <c>Incidents</c> section: playbooks added to, or replacing, <see cref="DefaultPlaybooks"/>.</summary>
public sealed class IncidentOptions
{
    public const string SectionName = "Incidents";

    /// <summary>How long <c>suspend_key</c> refuses a caller.</summary>
    public TimeSpan SuspensionDuration { get; set; } = TimeSpan.FromHours(1);

    public Dictionary<string, PlaybookOptions> Playbooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
