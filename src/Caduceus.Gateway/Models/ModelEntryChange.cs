namespace Caduceus.Gateway.Models;

/// <summary>The fields of an entry an update sets; a null field stays as it was.</summary>
public sealed record ModelEntryChange
{
    public string? Version { get; init; }

    public string? Owner { get; init; }

    public string? IntendedUse { get; init; }

    public bool? PhiAllowed { get; init; }

    public string? RiskTier { get; init; }

    public DateOnly? LastReviewed { get; init; }

    public bool? IsDefault { get; init; }

    public bool IsEmpty => this == new ModelEntryChange();

    public ModelEntry ApplyTo(ModelEntry entry) => entry with
    {
        Version = Version ?? entry.Version,
        Owner = Owner ?? entry.Owner,
        IntendedUse = IntendedUse ?? entry.IntendedUse,
        PhiAllowed = PhiAllowed ?? entry.PhiAllowed,
        RiskTier = RiskTier ?? entry.RiskTier,
        LastReviewed = LastReviewed ?? entry.LastReviewed,
        IsDefault = IsDefault ?? entry.IsDefault,
    };
}
