namespace Caduceus.Events;

/// <summary>
/// What made an anomaly event: a metric of one subject departed from its baseline. Holds numbers and identifiers
/// that carry no PHI (a key id, an application name, or a keyed hash of a conversation id).
/// </summary>
/// <param name="Metric">One of <see cref="AnomalyMetrics"/>.</param>
/// <param name="Dimension"><c>key</c>, <c>application</c> or <c>conversation</c>.</param>
/// <param name="Subject">The key id, application name or conversation hash.</param>
/// <param name="Window">The window the observed value covers.</param>
/// <param name="BaselineMean">What the subject usually shows (EWMA), or null before warm-up when a fixed ceiling applied.</param>
/// <param name="BaselineDeviation">The spread used for the score (robust EW deviation with floors), or null.</param>
/// <param name="Observed">What was observed.</param>
/// <param name="Score">How many deviations the observation lies above the baseline (or observed over ceiling before warm-up).</param>
public sealed record AnomalyDetail(
    string Metric,
    string Dimension,
    string Subject,
    TimeSpan Window,
    double? BaselineMean,
    double? BaselineDeviation,
    double Observed,
    double Score);
