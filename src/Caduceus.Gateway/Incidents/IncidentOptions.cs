namespace Caduceus.Gateway.Incidents;

/// <summary>The <c>Incidents</c> section: playbooks added to, or replacing, <see cref="DefaultPlaybooks"/>.</summary>
public sealed class IncidentOptions
{
    public const string SectionName = "Incidents";

    public Dictionary<string, PlaybookOptions> Playbooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
