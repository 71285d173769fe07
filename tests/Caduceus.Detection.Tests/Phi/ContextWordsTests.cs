using Caduceus.Detection.Phi;

namespace Caduceus.Detection.Tests.Phi;

public sealed class ContextWordsTests
{
    private readonly ContextWords _words = new(["ssn", "social security", "record #"], window: 20);

    [Theory]
    [InlineData("SSN: 123", "ssn", true)]
    [InlineData("ssn#123", "ssn", true)]
    [InlineData("Social Security is 123", "social security", false)]
    [InlineData("record #123", "record #", true)]
    public void Finds_word_before_the_candidate(string text, string word, bool adjacent)
    {
        var match = _words.FindBefore(text, text.IndexOf('1', StringComparison.Ordinal));

        Assert.Equal(new ContextMatch(word, adjacent), match);
    }

    [Theory]
    [InlineData("ssnx 123")]
    [InlineData("assn 123")]
    [InlineData("123 ssn")]
    [InlineData("ssn and a great many words 123")]
    [InlineData("nothing 123")]
    public void Ignores_parts_of_words_words_after_and_words_outside_the_window(string text)
    {
        var match = _words.FindBefore(text, text.IndexOf('1', StringComparison.Ordinal));

        Assert.False(match.Found);
    }

    [Fact]
    public void Closest_word_wins()
    {
        const string text = "social security, ssn 123";

        var match = _words.FindBefore(text, text.IndexOf('1', StringComparison.Ordinal));

        Assert.Equal(new ContextMatch("ssn", true), match);
    }

    [Fact]
    public void Finds_earlier_whole_word_when_the_last_occurrence_is_part_of_a_word()
    {
        const string text = "ssn is assn 123";

        var match = _words.FindBefore(text, text.IndexOf('1', StringComparison.Ordinal));

        Assert.Equal(new ContextMatch("ssn", false), match);
    }

    [Fact]
    public void Reports_whether_any_word_occurs_in_the_text()
    {
        Assert.True(_words.AnyIn("my SSN"));
        Assert.False(_words.AnyIn("nothing relevant"));
        Assert.False(ContextWords.None.AnyIn("ssn"));
    }
}
