namespace Caduceus.Gateway.Incidents;

/// <summary>The <c>Incidents</c> section: playbooks added to, or replacing, <see cref="DefaultPlaybooks"/>.</summary>
public sealed class IncidentOptions
{
    public const string SectionName = "Incidents";

    /// <summary>How long <c>suspend_key</c> refuses a caller.</summary>
    public TimeSpan SuspensionDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A StackExchange.Redis connection string; when set, instances count playbook windows there together, so a burst
    /// spread across instances reaches a threshold (without it each instance counts only the events it sees).
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key; instances that share it share playbook windows.</summary>
    public string RedisKeyPrefix { get; set; } = "caduceus:incidents:";

    public Dictionary<string, PlaybookOptions> Playbooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
