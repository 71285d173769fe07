using Caduceus.Gateway.Anomaly;

namespace Caduceus.Bench.AnomalyTraffic;

/// <summary>Runs observations through a detector in order and collects what it raised, with the request index.</summary>
internal static class AnomalyReplay
{
    public static AnomalyOptions ClinicOptions() => new() { ClinicHours = SyntheticClinicTraffic.Hours() };

    public static async Task<List<(int Index, DetectedAnomaly Anomaly)>> RunAsync(AnomalyDetector detector, IEnumerable<RequestObservation> observations)
    {
        var raised = new List<(int, DetectedAnomaly)>();
        var index = 0;
        foreach (var observation in observations)
        {
            foreach (var anomaly in await detector.ObserveAsync(observation, CancellationToken.None))
            {
                raised.Add((index, anomaly));
            }

            index++;
        }

        return raised;
    }

    /// <summary>
    /// Replays <paramref name="normal"/> with <paramref name="attack"/> merged in by time and reports which attack
    /// request was first flagged, and how many anomalies fell on normal requests meanwhile.
    /// </summary>
    public static async Task<AttackOutcome> AttackAsync(string name, AnomalyOptions options, IReadOnlyList<RequestObservation> normal, IReadOnlyList<RequestObservation> attack)
    {
        var attackRequests = attack.ToHashSet(ReferenceEqualityComparer.Instance);
        var merged = Merge(normal.Where(o => o.Time < attack[^1].Time), attack);
        var detector = new AnomalyDetector(options, new InMemoryAnomalyStateStore());
        int? flaggedAt = null;
        string? metric = null, dimension = null;
        var attackIndex = 0;
        var falseAnomalies = 0;
        foreach (var observation in merged)
        {
            var isAttack = attackRequests.Contains(observation);
            attackIndex += isAttack ? 1 : 0;
            foreach (var anomaly in await detector.ObserveAsync(observation, CancellationToken.None))
            {
                if (!isAttack)
                {
                    falseAnomalies++;
                }
                else if (flaggedAt is null)
                {
                    (flaggedAt, metric, dimension) = (attackIndex, anomaly.Detail.Metric, anomaly.Detail.Dimension);
                }
            }
        }

        return new AttackOutcome(name, attack.Count, flaggedAt, metric, dimension, falseAnomalies);
    }

    /// <summary>Normal traffic with <paramref name="attack"/> merged in by time.</summary>
    public static List<RequestObservation> Merge(IEnumerable<RequestObservation> normal, IEnumerable<RequestObservation> attack) =>
        normal.Concat(attack).OrderBy(o => o.Time).ToList();
}
