using Caduceus.Evaluation.Bias.Statistics;

namespace Caduceus.Evaluation.Tests.Bias.Statistics;

public sealed class KruskalWallisTestTests
{
    [Fact]
    public void Two_separated_groups_give_the_hand_computed_h_and_p()
    {
        // Ranks 1-3 against 4-6: H = 12/42 × (6²/3 + 15²/3) − 21 = 27/7; p from chi-square with 1 df.
        var test = KruskalWallisTest.Compare([[1, 2, 3], [4, 5, 6]]);

        Assert.Equal(27.0 / 7, test.Statistic, 9);
        Assert.Equal(1, test.DegreesOfFreedom);
        Assert.Equal(0.0495346, test.PValue, 6);
    }

    [Fact]
    public void Ties_get_mid_ranks_and_the_tie_correction()
    {
        var test = KruskalWallisTest.Compare([[1, 2, 2, 3], [2, 3, 4, 5]]);

        Assert.Equal(2.6803797, test.Statistic, 6);
        Assert.Equal(0.1015915, test.PValue, 5);
    }

    [Fact]
    public void Three_groups_use_two_degrees_of_freedom()
    {
        var test = KruskalWallisTest.Compare([[1, 1, 2], [2, 3, 3], [3, 4, 4]]);

        Assert.Equal(2, test.DegreesOfFreedom);
        Assert.Equal(6.4424779, test.Statistic, 6);
        Assert.Equal(Math.Exp(-6.4424779 / 2), test.PValue, 6);
    }

    [Fact]
    public void Identical_values_everywhere_are_no_variation()
    {
        var test = KruskalWallisTest.Compare([[0, 0, 0], [0, 0]]);

        Assert.False(test.HasVariation);
        Assert.Equal(1, test.PValue);
    }

    [Fact]
    public void Groups_drawn_alike_are_not_different()
    {
        var test = KruskalWallisTest.Compare([[1, 4, 5, 8], [2, 3, 6, 7]]);

        Assert.True(test.PValue > 0.5);
    }
}
