using Caduceus.RedTeam.Attacks;

namespace Caduceus.RedTeam.Tests.Attacks;

public sealed class DrillSuitesTests
{
    [Fact]
    public void Default_and_no_suite_select_every_category()
    {
        Assert.True(DrillSuites.TryResolve(["default"], out var all, out _));
        Assert.True(DrillSuites.TryResolve([], out var none, out _));

        Assert.Equal(OwaspCategory.All.Count, all.Count);
        Assert.Equal(OwaspCategory.All.Count, none.Count);
    }

    [Fact]
    public void Slugs_and_owasp_ids_select_their_categories()
    {
        Assert.True(DrillSuites.TryResolve(["prompt-injection,llm07", "LLM10"], out var selected, out _));

        Assert.Equal(new[] { "LLM01", "LLM07", "LLM10" }, selected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unknown_suite_is_named_in_the_error()
    {
        Assert.False(DrillSuites.TryResolve(["prompt-injection", "nope"], out _, out var error));

        Assert.Contains("'nope'", error, StringComparison.Ordinal);
    }
}
