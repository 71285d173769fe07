using Caduceus.Events;

namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// Scores each request's subjects (key, application, conversation) against their baselines: request rate,
/// distinct patients, refusal ratio, off-hours requests and token volume over a sliding window, and PHI per request.
/// A baseline is an EWMA mean and variance of the subject's past active windows (or requests); an observation alarms
/// when it lies <see cref="AnomalyOptions.Threshold"/> deviations above it and above the metric's absolute minimum,
/// once the baseline is warm; before that only a fixed ceiling alarms. One event per metric and subject per cooldown.
/// Baselines are kept apart for clinic hours and off-hours: a quiet night would otherwise lower the baseline just
/// before the morning rush and make every opening look like an attack.
/// </summary>
internal sealed class AnomalyDetector(AnomalyOptions options, IAnomalyStateStore store)
{
    private readonly ClinicHours _clinicHours = ClinicHours.Create(options.ClinicHours);
    private readonly long _bucketTicks = options.Window.Ticks / 2;
    private readonly FoldSettings _windowFold = new(options.WindowAlpha, options.ClipDeviations, options.WarmUpWindows);
    private readonly FoldSettings _requestFold = new(options.RequestAlpha, options.ClipDeviations, options.WarmUpRequests);

    public async ValueTask<IReadOnlyList<DetectedAnomaly>> ObserveAsync(RequestObservation observation, CancellationToken cancellationToken)
    {
        var bucket = observation.Time.UtcTicks / _bucketTicks;
        var open = _clinicHours.IsOpen(observation.Time);
        var increment = new WindowIncrement(observation.Refused, !open, observation.Tokens, observation.PatientHashes);
        var anomalies = new List<DetectedAnomaly>();
        foreach (var subject in AnomalySubject.Of(observation))
        {
            var update = await store.AddAsync(subject.StateKey, bucket, increment, cancellationToken);
            var candidates = subject.LearnsBaseline
                ? await ScoreLearningSubjectAsync(subject, observation, open, update, cancellationToken)
                : ScoreConversation(subject, update.Current);
            foreach (var detail in candidates)
            {
                if (await store.TryStartCooldownAsync(subject.StateKey + ":" + detail.Metric, observation.Time, options.Cooldown, cancellationToken))
                {
                    anomalies.Add(new DetectedAnomaly(detail, observation.KeyId, observation.Application, observation.Time));
                }
            }
        }

        return anomalies;
    }

    private async ValueTask<List<AnomalyDetail>> ScoreLearningSubjectAsync(
        AnomalySubject subject, RequestObservation observation, bool open, WindowUpdate update, CancellationToken cancellationToken)
    {
        if (update.Closed is { } closed)
        {
            var closedOpen = _clinicHours.IsOpen(new DateTimeOffset((update.ClosedBucket + 1) * _bucketTicks - 1, TimeSpan.Zero));
            var samples = WindowValues(closed).Select(v => Sample(v.Metric, v.Value, closedOpen)).ToArray();
            await store.FoldAsync(subject.StateKey, samples, _windowFold, cancellationToken);
        }

        var baselines = await store.BaselinesAsync(subject.StateKey, cancellationToken);
        var found = new List<AnomalyDetail>();
        foreach (var (metric, value) in WindowValues(update.Current))
        {
            Score(subject, metric, value, baselines.GetValueOrDefault(Sample(metric, value, open).Metric), options.WarmUpWindows, options.Window, found);
        }

        var phi = Sample(AnomalyMetrics.PhiPerRequest, observation.PhiEntities, open);
        Score(subject, AnomalyMetrics.PhiPerRequest, phi.Value, baselines.GetValueOrDefault(phi.Metric), options.WarmUpRequests, TimeSpan.Zero, found);
        await store.FoldAsync(subject.StateKey, [phi], _requestFold, cancellationToken);
        return found;
    }

    /// <summary>The sample of <paramref name="metric"/> for the baseline of its regime (off-hours has one baseline only).</summary>
    private MetricSample Sample(string metric, double value, bool open)
    {
        var baselineKey = metric == AnomalyMetrics.OffHours ? metric : metric + (open ? "@open" : "@closed");
        return new MetricSample(baselineKey, value, ThresholdsOf(metric).DeviationFloor);
    }

    private List<AnomalyDetail> ScoreConversation(AnomalySubject subject, WindowCounts window)
    {
        var ceiling = options.ConversationPatientCeiling;
        return window.DistinctPatients >= ceiling
            ? [new AnomalyDetail(AnomalyMetrics.DistinctPatients, subject.Dimension, subject.Id, options.Window, null, null, window.DistinctPatients, (double)window.DistinctPatients / ceiling)]
            : [];
    }

    private List<(string Metric, double Value)> WindowValues(WindowCounts window)
    {
        var values = new List<(string, double)>(5)
        {
            (AnomalyMetrics.RequestRate, window.Requests),
            (AnomalyMetrics.DistinctPatients, window.DistinctPatients),
            (AnomalyMetrics.OffHours, window.OffHours),
            (AnomalyMetrics.TokenVolume, window.Tokens),
        };
        if (window.Requests >= options.RefusalMinimumRequests)
        {
            values.Add((AnomalyMetrics.RefusalRatio, (double)window.Refused / window.Requests));
        }

        return values;
    }

    private void Score(AnomalySubject subject, string metric, double value, Baseline baseline, int warmUp, TimeSpan window, List<AnomalyDetail> found)
    {
        var thresholds = ThresholdsOf(metric);
        if (baseline.Samples >= warmUp)
        {
            var deviation = Math.Max(Math.Max(baseline.Deviation, thresholds.DeviationFloor), options.RelativeDeviationFloor * baseline.Mean);
            var score = (value - baseline.Mean) / deviation;
            if (score >= options.Threshold && value >= thresholds.Minimum)
            {
                found.Add(new AnomalyDetail(metric, subject.Dimension, subject.Id, window, baseline.Mean, deviation, value, Math.Round(score, 2)));
            }
        }
        else if (value >= thresholds.ColdCeiling)
        {
            found.Add(new AnomalyDetail(metric, subject.Dimension, subject.Id, window, null, null, value, Math.Round(value / thresholds.ColdCeiling, 2)));
        }
    }

    private MetricThresholds ThresholdsOf(string metric) => metric switch
    {
        AnomalyMetrics.RequestRate => options.RequestRate,
        AnomalyMetrics.PhiPerRequest => options.PhiPerRequest,
        AnomalyMetrics.DistinctPatients => options.DistinctPatients,
        AnomalyMetrics.RefusalRatio => options.RefusalRatio,
        AnomalyMetrics.OffHours => options.OffHours,
        _ => options.TokenVolume,
    };
}
