using Caduceus.LoadTest;

namespace Caduceus.LoadTest.Tests;

public sealed class ScenarioMixTests
{
    [Fact]
    public void Every_window_of_total_weight_requests_holds_each_scenario_exactly_its_weight()
    {
        var mix = ScenarioMix.Parse(ScenarioMix.Default, LoadScenarios.Names);

        for (var start = 0; start < 50; start += 7)
        {
            var counts = Enumerable.Range(start, mix.TotalWeight).Select(n => mix.Weights[mix.IndexOf(n)].Name).CountBy(name => name).ToDictionary();

            Assert.Equal(new Dictionary<string, int> { ["benign"] = 4, ["stream"] = 2, ["phi"] = 2, ["injection"] = 1 }, counts);
        }
    }

    [Fact]
    public void Long_runs_follow_the_weights_over_many_requests()
    {
        var mix = ScenarioMix.Parse("benign=7,injection=3", LoadScenarios.Names);

        var injections = Enumerable.Range(0, 10_000).Count(n => mix.Weights[mix.IndexOf(n)].Name == "injection");

        Assert.Equal(3_000, injections);
    }

    [Fact]
    public void Equal_weights_alternate_instead_of_running_in_blocks()
    {
        var mix = ScenarioMix.Parse("benign=3,injection=3", LoadScenarios.Names);

        var names = Enumerable.Range(0, 6).Select(n => mix.Weights[mix.IndexOf(n)].Name).ToArray();

        Assert.Equal(["benign", "injection", "benign", "injection", "benign", "injection"], names);
    }

    [Fact]
    public void A_scenario_weighted_zero_is_never_sent()
    {
        var mix = ScenarioMix.Parse("benign=2,phi=0,stream=1", LoadScenarios.Names);

        Assert.DoesNotContain(Enumerable.Range(0, 300), n => mix.Weights[mix.IndexOf(n)].Name == "phi");
        Assert.Equal("benign=2,phi=0,stream=1", mix.ToString());
    }

    [Theory]
    [InlineData("chatty=1", "unknown scenario 'chatty'")]
    [InlineData("benign=1,benign=2", "given twice")]
    [InlineData("benign", "needs NAME=WEIGHT")]
    [InlineData("benign=-1", "needs NAME=WEIGHT")]
    [InlineData("benign=1.5", "needs NAME=WEIGHT")]
    [InlineData("benign=1001", "needs NAME=WEIGHT")]
    [InlineData("benign=0,phi=0", "at least one scenario")]
    [InlineData("", "at least one scenario")]
    public void A_bad_mix_is_refused_naming_the_problem(string text, string expected)
    {
        var exception = Assert.Throws<ArgumentException>(() => ScenarioMix.Parse(text, LoadScenarios.Names));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
