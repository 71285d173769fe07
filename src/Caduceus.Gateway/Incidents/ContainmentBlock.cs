namespace Caduceus.Gateway.Incidents;

/// <summary>
/// A reversible containment: a caller, source or application refused, or an application tightened, until
/// <see cref="Until"/> (null: until lifted), unless a person lifts it first. Enforced on every gateway instance that shares the database within a second.
/// </summary>
public sealed record ContainmentBlock
{
    public required string Id { get; init; }

    public required ContainmentBlockKind Kind { get; init; }

    /// <summary>The key id, identity, application name or source hash, as <see cref="Kind"/> says.</summary>
    public required string Value { get; init; }

    /// <summary>A narrower target within <see cref="Value"/>: for <see cref="ContainmentBlockKind.Tools"/>, the one tool disabled.</summary>
    public string? Detail { get; init; }

    /// <summary>The containment action that placed it (e.g. <c>suspend_key</c>).</summary>
    public required string Action { get; init; }

    public string? IncidentId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? Until { get; init; }

    public DateTimeOffset? LiftedAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => LiftedAt is null && (Until is null || now < Until);

    public static string NewId() => "blk_" + Guid.CreateVersion7().ToString("N");
}
