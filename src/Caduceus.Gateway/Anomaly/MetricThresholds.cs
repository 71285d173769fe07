namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// The floors of one metric: low-volume noise must not alarm however far it lies from a quiet baseline.
/// </summary>
public sealed class MetricThresholds
{
    /// <summary>An observation below this never alarms, whatever its score.</summary>
    public double Minimum { get; set; }

    /// <summary>The smallest deviation a score divides by, so a near-constant baseline does not make every wobble huge.</summary>
    public double DeviationFloor { get; set; }

    /// <summary>Before a subject's baseline is warm, an observation at or above this alarms on its own.</summary>
    public double ColdCeiling { get; set; }

    public static MetricThresholds Of(double minimum, double deviationFloor, double coldCeiling) =>
        new() { Minimum = minimum, DeviationFloor = deviationFloor, ColdCeiling = coldCeiling };
}
