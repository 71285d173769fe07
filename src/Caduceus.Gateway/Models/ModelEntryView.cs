using System.Globalization;

namespace Caduceus.Gateway.Models;

/// <summary>An inventory entry as the admin API and the CLI print it (snake_case JSON).</summary>
public sealed record ModelEntryView(
    string Application,
    string Model,
    string? Version,
    string Owner,
    string IntendedUse,
    bool PhiAllowed,
    string RiskTier,
    string LastReviewed,
    bool ReviewOverdue,
    bool Default)
{
    public static ModelEntryView From(ModelEntry entry, DateOnly today, TimeSpan reviewPeriod)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(
            entry.Application,
            entry.Model,
            entry.Version,
            entry.Owner,
            entry.IntendedUse,
            entry.PhiAllowed,
            entry.RiskTier,
            entry.LastReviewed.ToString(ModelEntryInput.DateFormat, CultureInfo.InvariantCulture),
            entry.IsReviewOverdue(today, reviewPeriod),
            entry.IsDefault);
    }
}
