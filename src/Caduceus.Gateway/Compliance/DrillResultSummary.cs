namespace Caduceus.Gateway.Compliance;

/// <summary>
/// Scheduled red-team drill runs in the report period and the newest one: its score (share of attacks stopped),
/// whether it met its schedule's thresholds, and why not.
/// </summary>
internal sealed record DrillResultSummary(int Runs, DateTimeOffset? LastRunAt, double? LastStoppedShare, bool? LastPassed, IReadOnlyList<string> LastFindings);
