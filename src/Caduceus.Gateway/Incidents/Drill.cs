namespace Caduceus.Gateway.Incidents;

/// <summary>
/// A red-team drill declared for one caller: while it runs, incidents opened by that caller's events are drill
/// incidents (marked so, outside the breach clock, and their playbook actions simulated).
/// </summary>
public sealed record Drill
{
    public required string Id { get; init; }

    /// <summary>The API key id or identity the drill's traffic uses.</summary>
    public required string Principal { get; init; }

    /// <summary>What the drill is, for people (e.g. <c>redteam default suite</c>); no PHI.</summary>
    public required string Label { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => EndedAt is null && StartedAt <= now && now < EndsAt;

    public static string NewId() => "drl_" + Guid.CreateVersion7().ToString("N");
}
