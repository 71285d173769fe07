using Caduceus.Events;

namespace Caduceus.Cli.Commands.Monitor;

/// <summary>
/// What one look at a running gateway shows: traffic and latency from its Prometheus metrics (rates against the
/// previous look), refusals and detections by kind, and the latest anomalies and incidents from its event feed.
/// </summary>
internal sealed record MonitorFrame(
    DateTimeOffset At,
    double RequestsTotal,
    double? RequestsPerSecond,
    IReadOnlyDictionary<string, double> RequestsByStatusClass,
    double? LatencyP50Seconds,
    double? LatencyP99Seconds,
    IReadOnlyList<(string Type, string Code, double Count)> Refusals,
    IReadOnlyList<(string EntityType, double Count)> Detections,
    IReadOnlyList<Gateway.Events.MonitorEvent> Alerts)
{
    private static readonly HashSet<string> RefusalTypes = new(StringComparer.Ordinal)
    {
        SecurityEventTypes.RequestBlocked, SecurityEventTypes.ResponseBlocked, SecurityEventTypes.AuthenticationFailed,
        SecurityEventTypes.AuthenticationThrottled, SecurityEventTypes.AuthorizationDenied, SecurityEventTypes.ToolCallRefused,
        SecurityEventTypes.LimitExceeded, SecurityEventTypes.VerificationFailed, SecurityEventTypes.VerificationLocked,
    };

    /// <summary>Builds a frame from a scrape; <paramref name="previous"/> (the last frame) turns counters into rates.</summary>
    public static MonitorFrame From(
        IReadOnlyList<PrometheusSample> samples, IReadOnlyList<Gateway.Events.MonitorEvent> alerts, DateTimeOffset at, MonitorFrame? previous, IReadOnlyList<PrometheusSample>? previousSamples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var requests = samples.Where(s => s.Name == "caduceus_requests_total").ToArray();
        var total = requests.Sum(s => s.Value);
        var byClass = requests.GroupBy(s => StatusClass(s.Label("status")), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value), StringComparer.Ordinal);
        double? rate = previous is null || at <= previous.At ? null : Math.Max(0, total - previous.RequestsTotal) / (at - previous.At).TotalSeconds;

        // Latency over the last interval when there was traffic in it, else over the gateway's whole life.
        var buckets = Buckets(samples);
        var recent = previousSamples is null ? buckets : Subtract(buckets, Buckets(previousSamples));
        var latency = recent.Count > 0 && recent[^1].Count > 0 ? recent : buckets;

        var refusals = samples.Where(s => s.Name == "caduceus_security_events_total" && RefusalTypes.Contains(s.Label("type")) && s.Value > 0)
            .GroupBy(s => (Type: s.Label("type"), Code: s.Label("code")))
            .Select(g => (g.Key.Type, g.Key.Code, Count: g.Sum(s => s.Value)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal).ToArray();
        var detections = samples.Where(s => s.Name == "caduceus_detections_total" && s.Value > 0)
            .GroupBy(s => s.Label("entity_type"), StringComparer.Ordinal)
            .Select(g => (EntityType: g.Key, Count: g.Sum(s => s.Value)))
            .OrderByDescending(d => d.Count).ThenBy(d => d.EntityType, StringComparer.Ordinal).ToArray();
        return new MonitorFrame(at, total, rate, byClass, Quantile(latency, 0.5), Quantile(latency, 0.99), refusals, detections, alerts);
    }

    private static string StatusClass(string status) => status.Length == 3 ? status[0] + "xx" : "other";

    /// <summary>The duration histogram summed over routes: (upper bound, cumulative count), by bound.</summary>
    private static List<(double Bound, double Count)> Buckets(IReadOnlyList<PrometheusSample> samples) =>
        samples.Where(s => s.Name == "caduceus_request_duration_seconds_bucket")
            .GroupBy(s => s.Label("le") is "+Inf" ? double.PositiveInfinity : double.Parse(s.Label("le"), System.Globalization.CultureInfo.InvariantCulture))
            .Select(g => (Bound: g.Key, Count: g.Sum(s => s.Value)))
            .OrderBy(b => b.Bound)
            .ToList();

    private static List<(double Bound, double Count)> Subtract(List<(double Bound, double Count)> now, List<(double Bound, double Count)> before)
    {
        var earlier = before.ToDictionary(b => b.Bound, b => b.Count);
        return now.Select(b => (b.Bound, Math.Max(0, b.Count - earlier.GetValueOrDefault(b.Bound)))).ToList();
    }

    /// <summary>The upper bound of the bucket holding quantile <paramref name="q"/> (Prometheus-style, no interpolation beyond the bucket).</summary>
    private static double? Quantile(List<(double Bound, double Count)> buckets, double q)
    {
        if (buckets.Count == 0 || buckets[^1].Count <= 0)
        {
            return null;
        }

        var rank = q * buckets[^1].Count;
        foreach (var (bound, count) in buckets)
        {
            if (count >= rank)
            {
                return double.IsPositiveInfinity(bound) ? buckets.Where(b => !double.IsPositiveInfinity(b.Bound)).Select(b => (double?)b.Bound).LastOrDefault() : bound;
            }
        }

        return null;
    }
}
