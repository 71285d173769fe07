namespace Caduceus.Gateway.Models;

/// <summary>
/// One model an application may route to, as recorded in the inventory: who owns it, what it is for, whether PHI may
/// reach it, its risk tier and when it was last reviewed. (Application, model) is the entry's identity.
/// </summary>
public sealed record ModelEntry
{
    public required string Application { get; init; }

    /// <summary>The model name exactly as clients send it in <c>"model"</c>.</summary>
    public required string Model { get; init; }

    public string? Version { get; init; }

    public required string Owner { get; init; }

    public required string IntendedUse { get; init; }

    /// <summary>Whether text with PHI findings may be sent to this model; when false such requests are refused.</summary>
    public required bool PhiAllowed { get; init; }

    /// <summary>One of <see cref="ModelRiskTiers.All"/>.</summary>
    public required string RiskTier { get; init; }

    public required DateOnly LastReviewed { get; init; }

    /// <summary>The model a request without <c>"model"</c> goes to; at most one per application.</summary>
    public bool IsDefault { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsReviewOverdue(DateOnly today, TimeSpan reviewPeriod) =>
        LastReviewed.AddDays((int)Math.Ceiling(reviewPeriod.TotalDays)) < today;
}
