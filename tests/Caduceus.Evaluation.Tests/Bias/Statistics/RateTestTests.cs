using Caduceus.Evaluation.Bias.Statistics;

namespace Caduceus.Evaluation.Tests.Bias.Statistics;

public sealed class RateTestTests
{
    [Fact]
    public void Fisher_exact_gives_the_lady_tasting_tea_p_value()
    {
        // Fisher's own example: 3 of 4 milk-first cups identified; two-sided p = 34/70.
        var test = RateTest.FisherExact(3, 1, 1, 3);

        Assert.Equal("fisher-exact", test.Name);
        Assert.Equal(34.0 / 70, test.PValue, 9);
    }

    [Fact]
    public void Fisher_exact_gives_the_textbook_two_sided_p_value_for_an_unbalanced_table()
    {
        // [[1, 9], [11, 3]]: R's fisher.test reports p-value = 0.002759.
        Assert.Equal(0.002759, RateTest.FisherExact(1, 9, 11, 3).PValue, 6);
    }

    [Fact]
    public void Two_groups_are_compared_with_fishers_exact_test()
    {
        var test = RateTest.Compare([(0, 10), (5, 10)]);

        Assert.Equal("fisher-exact", test.Name);
        Assert.Equal(0.0325077, test.PValue, 6);
    }

    [Fact]
    public void Three_groups_are_compared_with_pearsons_chi_square()
    {
        // Expected 20 in every cell, so X² = 4 × 10² / 20 = 20 with 2 degrees of freedom, and p = e^(−10).
        var test = RateTest.Compare([(10, 40), (20, 40), (30, 40)]);

        Assert.Equal("chi-square", test.Name);
        Assert.Equal(20, test.Statistic, 9);
        Assert.Equal(2, test.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-10), test.PValue, 12);
    }

    [Theory]
    [InlineData(3.841459, 1)]
    [InlineData(5.991465, 2)]
    [InlineData(11.070498, 5)]
    public void Chi_square_survival_is_five_percent_at_the_tabulated_critical_values(double criticalValue, int degreesOfFreedom)
    {
        Assert.Equal(0.05, RateTest.ChiSquareSurvival(criticalValue, degreesOfFreedom), 6);
    }

    [Fact]
    public void Equal_rates_give_a_p_value_of_one()
    {
        Assert.Equal(1, RateTest.Compare([(5, 10), (5, 10), (5, 10)]).PValue, 9);
    }

    [Fact]
    public void An_outcome_no_group_had_is_no_variation_and_not_a_test()
    {
        var test = RateTest.Compare([(0, 10), (0, 12), (0, 8)]);

        Assert.False(test.HasVariation);
        Assert.Equal(1, test.PValue);
    }

    [Fact]
    public void Hits_above_the_total_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RateTest.Compare([(11, 10), (1, 10)]));
    }
}
