namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// An exponentially weighted mean and variance of one metric of one subject, and how many samples it has seen.
/// Once warm, a sample far above the baseline is clipped before it is folded in (a winsorized EWMA), so an attack
/// in progress does not teach the baseline that it is normal.
/// </summary>
internal readonly record struct Baseline(double Mean, double Variance, long Samples)
{
    public double Deviation => Math.Sqrt(Variance);

    /// <summary>The baseline after <paramref name="value"/>. The Redis store's script computes exactly the same.</summary>
    public Baseline Fold(double value, double alpha, double clipDeviations, double deviationFloor, int warmUpSamples)
    {
        if (Samples == 0)
        {
            return new Baseline(value, 0, 1);
        }

        if (Samples >= warmUpSamples)
        {
            value = Math.Min(value, Mean + (clipDeviations * Math.Max(Deviation, deviationFloor)));
        }

        var difference = value - Mean;
        var increment = alpha * difference;
        return new Baseline(Mean + increment, (1 - alpha) * (Variance + (difference * increment)), Samples + 1);
    }
}
