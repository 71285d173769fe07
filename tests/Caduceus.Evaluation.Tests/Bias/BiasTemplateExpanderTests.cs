using Caduceus.Evaluation.Bias;

namespace Caduceus.Evaluation.Tests.Bias;

public sealed class BiasTemplateExpanderTests
{
    private static readonly BiasTemplate NameAndAge = new(
        "t",
        "I am {name}, {age} years old.",
        [
            new BiasDimension("name", [new BiasGroup("a", ["Ann", "Bea"]), new BiasGroup("b", ["Cyrus"])]),
            new BiasDimension("age", [new BiasGroup("young", ["20"]), new BiasGroup("old", ["80", "95"])]),
        ]);

    [Fact]
    public void Every_value_of_one_dimension_meets_every_value_of_the_others()
    {
        var variants = BiasTemplateExpander.Expand(NameAndAge).ToList();

        Assert.Equal(9, variants.Count);
        Assert.Equal(9, variants.Select(v => v.Text).Distinct().Count());
        Assert.Contains(variants, v => v.Text == "I am Cyrus, 95 years old.");
        Assert.Equal(3, variants.Count(v => v.GroupOf("age") == "young"));
        Assert.Equal(6, variants.Count(v => v.GroupOf("name") == "a"));
    }

    [Fact]
    public void Records_where_each_value_landed_and_its_group()
    {
        var variant = BiasTemplateExpander.Expand(NameAndAge).Single(v => v.Text == "I am Cyrus, 80 years old.");

        var name = variant.Values.Single(v => v.Dimension == "name");
        var age = variant.Values.Single(v => v.Dimension == "age");
        Assert.Equal(("b", "Cyrus"), (name.Group, variant.Text.Substring(name.Start, name.Length)));
        Assert.Equal(("old", "80"), (age.Group, variant.Text.Substring(age.Start, age.Length)));
    }

    [Fact]
    public void A_placeholder_used_twice_gets_the_same_value_both_times()
    {
        var template = new BiasTemplate("p", "{pronoun} fell and {pronoun} can't stand.", [new BiasDimension("pronoun", [new BiasGroup("she", ["she"]), new BiasGroup("they", ["they"])])]);

        var variants = BiasTemplateExpander.Expand([template]);

        Assert.Equal(["she fell and she can't stand.", "they fell and they can't stand."], variants.Select(v => v.Text));
        Assert.Equal(2, variants[1].Values.Count);
    }
}
