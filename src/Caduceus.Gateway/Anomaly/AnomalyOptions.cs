namespace Caduceus.Gateway.Anomaly;

/// <summary>Anomaly detection settings (section <c>Anomaly</c>).</summary>
public sealed class AnomalyOptions
{
    public const string SectionName = "Anomaly";

    public bool Enabled { get; set; } = true;

    /// <summary>A StackExchange.Redis connection string; when set, gateway instances share windows and baselines there.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key; instances that share it share baselines.</summary>
    public string RedisKeyPrefix { get; set; } = "caduceus:anomaly:";

    /// <summary>The sliding window that rates, counts and ratios cover (kept as two half-window buckets).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many deviations above the baseline alarm.</summary>
    public double Threshold { get; set; } = 5;

    /// <summary>The deviation is at least this share of the baseline mean (a spread of ±20% is ordinary).</summary>
    public double RelativeDeviationFloor { get; set; } = 0.2;

    /// <summary>Windows a subject must have been seen active in before its baseline is trusted.</summary>
    public int WarmUpWindows { get; set; } = 24;

    /// <summary>Requests a subject must have made before its per-request baseline is trusted.</summary>
    public int WarmUpRequests { get; set; } = 100;

    /// <summary>EWMA weight of each closed window.</summary>
    public double WindowAlpha { get; set; } = 0.03;

    /// <summary>EWMA weight of each request, for per-request metrics.</summary>
    public double RequestAlpha { get; set; } = 0.01;

    /// <summary>Observations beyond this many deviations are clipped before they update a warm baseline, so an incident does not become normal.</summary>
    public double ClipDeviations { get; set; } = 3;

    /// <summary>After an anomaly event, the same metric of the same subject stays quiet this long.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A window's refusal ratio counts only when the window holds at least this many requests.</summary>
    public int RefusalMinimumRequests { get; set; } = 10;

    /// <summary>Distinct patient-identifying values in one conversation's window that alarm (a call is about one patient).</summary>
    public int ConversationPatientCeiling { get; set; } = 6;

    public ClinicHoursOptions ClinicHours { get; set; } = new();

    public MetricThresholds RequestRate { get; set; } = MetricThresholds.Of(60, 8, 200);

    public MetricThresholds PhiPerRequest { get; set; } = MetricThresholds.Of(30, 4, 60);

    public MetricThresholds DistinctPatients { get; set; } = MetricThresholds.Of(15, 3, 30);

    public MetricThresholds RefusalRatio { get; set; } = MetricThresholds.Of(0.5, 0.1, 0.8);

    public MetricThresholds OffHours { get; set; } = MetricThresholds.Of(15, 3, 30);

    public MetricThresholds TokenVolume { get; set; } = MetricThresholds.Of(100_000, 5_000, 200_000);
}
