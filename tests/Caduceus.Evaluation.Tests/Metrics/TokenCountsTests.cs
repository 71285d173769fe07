using Caduceus.Evaluation.Metrics;

namespace Caduceus.Evaluation.Tests.Metrics;

public sealed class TokenCountsTests
{
    [Fact]
    public void Rates_are_ratios_of_the_counts()
    {
        var counts = new TokenCounts(Gold: 8, Found: 6, Predicted: 10, Correct: 5);

        Assert.Equal(0.75, counts.Recall);
        Assert.Equal(0.5, counts.Precision);
        Assert.Equal(0.6, counts.F1, 10);
        Assert.Equal(2, counts.Missed);
    }

    [Fact]
    public void Empty_denominators_give_vacuous_rates_of_one()
    {
        var nothing = default(TokenCounts);
        var onlyFalseAlarms = new TokenCounts(0, 0, 4, 0);
        var onlyMisses = new TokenCounts(3, 0, 0, 0);

        Assert.Equal((1.0, 1.0, 1.0), (nothing.Recall, nothing.Precision, nothing.F1));
        Assert.Equal((1.0, 0.0), (onlyFalseAlarms.Recall, onlyFalseAlarms.Precision));
        Assert.Equal((0.0, 1.0, 0.0), (onlyMisses.Recall, onlyMisses.Precision, onlyMisses.F1));
    }

    [Fact]
    public void Counts_add_up()
    {
        Assert.Equal(new TokenCounts(3, 2, 5, 4), new TokenCounts(1, 1, 2, 2) + new TokenCounts(2, 1, 3, 2));
    }
}
