using Caduceus.Events;
using Caduceus.RedTeam.Scorecards;

namespace Caduceus.Gateway.Drills;

/// <summary>The security events scheduled drills raise: numbers, schedule and application, never text.</summary>
internal static class DrillEvents
{
    public const string PassedCode = "passed";
    public const string FailedCode = "failed";

    /// <summary>The route events and audit records of a schedule carry (a schedule is not a request).</summary>
    public static string Route(DrillSchedule schedule) => $"drills/schedules/{schedule.Name}";

    public static SecurityEvent Completed(DrillSchedule schedule, string principal, Scorecard scorecard, bool passed, int findings, DateTimeOffset now)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, score) in scorecard.Categories)
        {
            counts[id + ".attempts"] = score.Attempts;
            counts[id + ".stopped"] = score.Stopped;
        }

        counts["benign.total"] = scorecard.Benign.Total;
        counts["benign.refused"] = scorecard.Benign.Refused;
        counts["duration_ms"] = (int)Math.Min(int.MaxValue, scorecard.Duration.TotalMilliseconds);
        counts["findings"] = findings;
        return new SecurityEvent(
            SecurityEventIds.New(), now, SecurityEventTypes.DrillCompleted, passed ? PassedCode : FailedCode, schedule.Application, principal, Route(schedule), counts, []);
    }

    public static SecurityEvent Failed(DrillSchedule schedule, string? principal, string code, DateTimeOffset now) => new(
        SecurityEventIds.New(), now, SecurityEventTypes.DrillFailed, code, schedule.Application, principal, Route(schedule), new Dictionary<string, int>(), []);
}
