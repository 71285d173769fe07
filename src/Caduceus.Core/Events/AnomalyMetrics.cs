namespace Caduceus.Events;

/// <summary>The metrics anomaly detection watches; each is an <see cref="SecurityEventTypes.AnomalyDetected"/> code.</summary>
public static class AnomalyMetrics
{
    /// <summary>Requests in one window.</summary>
    public const string RequestRate = "request_rate";

    /// <summary>PHI findings in one request.</summary>
    public const string PhiPerRequest = "phi_per_request";

    /// <summary>Distinct patient-identifying values (keyed hashes) in one window: records walked through.</summary>
    public const string DistinctPatients = "distinct_patients";

    /// <summary>Share of refused requests in one window.</summary>
    public const string RefusalRatio = "refusal_ratio";

    /// <summary>Requests outside clinic hours in one window.</summary>
    public const string OffHours = "off_hours";

    /// <summary>Tokens in one window.</summary>
    public const string TokenVolume = "token_volume";
}
