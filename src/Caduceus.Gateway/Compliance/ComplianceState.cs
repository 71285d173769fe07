using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Models;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// Everything a report is generated from, read once: the configuration and each record source, or why a source could
/// not be read. Evaluators read only this, so a report is one consistent snapshot.
/// </summary>
internal sealed record ComplianceState
{
    /// <summary>Counts "in the period" (incidents, drills) cover this long before <see cref="Now"/>.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(90);

    /// <summary>An active key neither used nor created for this long is a stale credential.</summary>
    public static readonly TimeSpan StaleKeyAge = TimeSpan.FromDays(90);

    public required DateTimeOffset Now { get; init; }

    public required ComplianceSettings Settings { get; init; }

    public required SourceRead<AuditEvidence> Audit { get; init; }

    public required SourceRead<KeyringEvidence> Keyring { get; init; }

    public required SourceRead<IReadOnlyList<ApiKeyRecord>> Keys { get; init; }

    /// <summary>Ids of admin keys with at least one confirmed second factor.</summary>
    public required SourceRead<IReadOnlySet<string>> AdminKeysWithMfa { get; init; }

    public required SourceRead<IReadOnlyList<Incident>> Incidents { get; init; }

    public required SourceRead<IReadOnlyList<Drill>> Drills { get; init; }

    public required SourceRead<IReadOnlyList<ModelEntry>> Inventory { get; init; }

    public required SourceRead<TrainingSummary> Training { get; init; }

    public required SourceRead<DrillResultSummary> DrillResults { get; init; }

    public DateTimeOffset PeriodStart => Now - Period;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
}
