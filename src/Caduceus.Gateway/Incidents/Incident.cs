namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Several security events that one playbook ties to one subject (a caller or an application), with what was done
/// about them. Holds identifiers, types and counts only: never the text or values behind the events.
/// </summary>
public sealed record Incident
{
    public required string Id { get; init; }

    public required string Playbook { get; init; }

    /// <summary>The caller or application the events share (see <see cref="IncidentGrouping"/>).</summary>
    public required string Subject { get; init; }

    public string? Application { get; init; }

    public required IncidentSeverity Severity { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    public required IncidentStatus Status { get; init; }

    /// <summary>Opened by a red-team drill rather than a real attack.</summary>
    public bool Drill { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>When the HIPAA breach notification was made, or a person recorded that none is due.</summary>
    public DateTimeOffset? NotifiedAt { get; init; }

    /// <summary>What the person recorded with <see cref="NotifiedAt"/> (who was notified, or why none is due); no PHI.</summary>
    public string? NotificationNote { get; init; }

    /// <summary>Whether the incident may be a HIPAA breach, so the 60-day notification clock runs (45 CFR 164.402/404).</summary>
    public bool IsBreachCandidate => !Drill && Categories.Any(c => c.Contains(BreachClock.Rule, StringComparison.Ordinal));

    /// <summary>For a possible breach, when notice is due at the latest (<see cref="BreachClock"/>); null otherwise.</summary>
    public DateTimeOffset? NotificationDueAt => IsBreachCandidate ? BreachClock.DueAt(this) : null;

    public IReadOnlyList<IncidentEvent> Events { get; init; } = [];

    public IReadOnlyList<IncidentActionRecord> Actions { get; init; } = [];

    public static string NewId() => "inc_" + Guid.CreateVersion7().ToString("N");
}
