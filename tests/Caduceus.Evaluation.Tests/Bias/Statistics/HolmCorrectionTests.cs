using Caduceus.Evaluation.Bias.Statistics;

namespace Caduceus.Evaluation.Tests.Bias.Statistics;

public sealed class HolmCorrectionTests
{
    [Fact]
    public void Adjusts_step_down_and_keeps_the_input_order()
    {
        // Sorted: 0.005×4 = 0.02, 0.01×3 = 0.03, 0.03×2 = 0.06, then 0.04×1 = 0.04 raised to the running maximum 0.06.
        var adjusted = HolmCorrection.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Caps_adjusted_p_values_at_one()
    {
        Assert.All(HolmCorrection.Adjust([0.6, 0.7, 0.9]), p => Assert.Equal(1, p));
    }

    [Fact]
    public void A_single_test_is_not_changed()
    {
        Assert.Equal(0.012, Assert.Single(HolmCorrection.Adjust([0.012])));
    }
}
