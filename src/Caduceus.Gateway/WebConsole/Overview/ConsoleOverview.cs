using Caduceus.Gateway.Audit;
using Caduceus.Gateway.WebConsole.AuditView;

namespace Caduceus.Gateway.WebConsole.Overview;

/// <summary>
/// Computes the overview from the newest window of the audit trail (<see cref="ConsoleAuditWindow"/>): traffic and
/// refusals per hour over the last day, refusals by reason, detections by type and upstream latency percentiles.
/// </summary>
internal static class ConsoleOverview
{
    private const int HoursShown = 24;
    private const int ReasonsShown = 10;

    public static OverviewModel Build(AuditWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        var records = window.Records.Select(r => r.Record).Where(r => r.Kind is "chat" or "request").ToList();
        var firstHour = Truncate(now).AddHours(-(HoursShown - 1));
        var hours = Enumerable.Range(0, HoursShown).Select(i => firstHour.AddHours(i)).Select(hour =>
        {
            var inHour = records.Where(r => Truncate(r.Time) == hour).ToList();
            var latencies = inHour.Where(r => r.UpstreamLatencyMs is not null).Select(r => r.UpstreamLatencyMs!.Value).Order().ToArray();
            return new HourlyPoint(hour, inHour.Count, inHour.Count(IsRefusal), Percentile(latencies, 0.50), Percentile(latencies, 0.95));
        }).ToArray();

        var reasons = records.Where(IsRefusal)
            .GroupBy(r => r.Code ?? r.Decision, StringComparer.Ordinal)
            .Select(g => new ChartPoint(g.Key, g.Count()))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Label, StringComparer.Ordinal).Take(ReasonsShown).ToArray();
        var detections = records.SelectMany(r => r.Findings)
            .GroupBy(f => f.Type, StringComparer.Ordinal)
            .Select(g => new ChartPoint(g.Key, g.Sum(f => f.Count)))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Label, StringComparer.Ordinal).ToArray();

        return new OverviewModel(
            window.Records.Count,
            window.Records.Count > 0 ? window.Records.Min(r => r.Record.Time) : null,
            records.Count,
            records.Count(IsRefusal),
            hours,
            reasons,
            detections);
    }

    private static bool IsRefusal(AuditRecord record) => record.Decision is AuditDecisions.Blocked or AuditDecisions.Refused;

    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.UtcDateTime.Year, time.UtcDateTime.Month, time.UtcDateTime.Day, time.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

    // Nearest-rank percentile of sorted values.
    private static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
