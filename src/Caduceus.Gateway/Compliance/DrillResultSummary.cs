namespace Caduceus.Gateway.Compliance;

/// <summary>Scheduled red-team drill runs in the report period and the newest one's score (share of attacks stopped).</summary>
internal sealed record DrillResultSummary(int Runs, DateTimeOffset? LastRunAt, double? LastStoppedShare);
