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

    public IReadOnlyList<IncidentEvent> Events { get; init; } = [];

    public IReadOnlyList<IncidentActionRecord> Actions { get; init; } = [];

    public static string NewId() => "inc_" + Guid.CreateVersion7().ToString("N");
}
