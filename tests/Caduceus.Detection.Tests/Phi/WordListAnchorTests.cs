using Caduceus.Detection.Phi;

namespace Caduceus.Detection.Tests.Phi;

public sealed class WordListAnchorTests
{
    private static readonly WordListAnchor Months = new(["mar", "march", "may"]);

    [Fact]
    public void Yields_each_listed_word_that_starts_a_word_once_in_text_order_ignoring_case()
    {
        Assert.Equal([0, 13, 20], Starts(Months, "March 14 and MAY 2, mar 3"));
    }

    [Fact]
    public void Skips_a_listed_word_inside_a_word()
    {
        // "summary", "primary", "dismay" and "2may": a pattern beginning with \b cannot match there.
        Assert.Empty(Starts(Months, "summary primary dismay 2may"));
    }

    [Fact]
    public void Yields_a_word_after_punctuation_or_an_underscore_for_the_pattern_to_judge()
    {
        Assert.Equal([1, 7], Starts(Months, "(march_may"));
    }

    [Fact]
    public void Ends_with_minus_one_and_from_at_the_end_of_the_text()
    {
        var from = 0;
        Assert.Equal(-1, Months.NextStart("no month here", ref from));
        Assert.Equal("no month here".Length, from);
    }

    [Fact]
    public void Refuses_an_empty_list_or_a_word_that_cannot_start_a_word()
    {
        Assert.Throws<ArgumentException>(() => new WordListAnchor([]));
        Assert.Throws<ArgumentException>(() => new WordListAnchor(["may", ""]));
        Assert.Throws<ArgumentException>(() => new WordListAnchor([".com"]));
    }

    private static List<int> Starts(WordListAnchor anchor, string text)
    {
        var starts = new List<int>();
        var from = 0;
        int start;
        while ((start = anchor.NextStart(text, ref from)) >= 0)
        {
            starts.Add(start);
        }

        return starts;
    }
}
