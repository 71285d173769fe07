namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// Where anomaly detection keeps its windows, baselines and cooldowns: in memory for one gateway, or in Redis so
/// that several instances see one combined baseline. Every operation is atomic per subject.
/// </summary>
internal interface IAnomalyStateStore
{
    /// <summary>Adds one request to <paramref name="subject"/>'s bucket (half a window) and returns its windows.</summary>
    ValueTask<WindowUpdate> AddAsync(string subject, long bucket, WindowIncrement increment, CancellationToken cancellationToken);

    /// <summary>The subject's baselines by metric (none before its first fold).</summary>
    ValueTask<IReadOnlyDictionary<string, Baseline>> BaselinesAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Folds <paramref name="samples"/> into the subject's baselines.</summary>
    ValueTask FoldAsync(string subject, IReadOnlyList<MetricSample> samples, FoldSettings settings, CancellationToken cancellationToken);

    /// <summary>Starts a cooldown for <paramref name="key"/> unless one runs at <paramref name="now"/>; true if it started.</summary>
    ValueTask<bool> TryStartCooldownAsync(string key, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken);
}
