using Caduceus.Gateway.Anomaly;

namespace Caduceus.Gateway.Tests.Anomaly;

public sealed class BaselineTests
{
    [Fact]
    public void The_first_sample_becomes_the_mean()
    {
        var baseline = default(Baseline).Fold(7, 0.1, 3, 1, 10);

        Assert.Equal(new Baseline(7, 0, 1), baseline);
    }

    [Fact]
    public void The_mean_and_variance_follow_a_steady_stream()
    {
        var baseline = default(Baseline);
        for (var i = 0; i < 2000; i++)
        {
            baseline = baseline.Fold(i % 2 == 0 ? 8 : 12, 0.02, 3, 0.1, 10);
        }

        Assert.InRange(baseline.Mean, 9.8, 10.2);
        Assert.InRange(baseline.Deviation, 1.8, 2.2);
    }

    [Fact]
    public void A_warm_baseline_clips_an_outlier_so_an_incident_does_not_become_normal()
    {
        var warm = new Baseline(10, 4, 100);

        var after = warm.Fold(1000, 0.1, 3, 1, 10);

        // Clipped to 10 + 3 * 2 = 16 before folding: the mean moves by 0.6, not by 99.
        Assert.Equal(10.6, after.Mean, 9);
    }

    [Fact]
    public void A_cold_baseline_learns_even_large_values()
    {
        var cold = new Baseline(10, 4, 3);

        var after = cold.Fold(1000, 0.1, 3, 1, 10);

        Assert.Equal(109, after.Mean, 9);
    }
}
