using Caduceus.Evaluation.Metrics;

namespace Caduceus.Evaluation.Tests.Metrics;

public sealed class TextTokenizerTests
{
    private static string[] Tokens(string text) => [.. TextTokenizer.Tokenize(text).Select(t => text[t.Start..t.End])];

    [Fact]
    public void Tokens_are_maximal_runs_of_letters_and_digits()
    {
        Assert.Equal(["Call", "555", "234", "5678", "today"], Tokens("Call (555) 234-5678 today."));
    }

    [Fact]
    public void Punctuation_inside_a_word_splits_it()
    {
        Assert.Equal(["jane", "roe", "example", "org", "Bell", "s", "palsy"], Tokens("jane.roe@example.org Bell's palsy"));
    }

    [Fact]
    public void Letters_with_accents_and_combining_marks_stay_in_one_token()
    {
        // "Jose\u0301" spells José with a combining acute accent.
        Assert.Equal(["Zoë", "Jose\u0301", "Nguyễn"], Tokens("Zoë, Jose\u0301 / Nguyễn"));
    }

    [Fact]
    public void Emoji_separate_tokens_and_are_not_tokens()
    {
        var text = "Ana🙂42";
        var tokens = TextTokenizer.Tokenize(text);

        Assert.Equal([new TextToken(0, 3), new TextToken(5, 7)], tokens);
    }

    [Fact]
    public void Text_without_letters_or_digits_has_no_tokens()
    {
        Assert.Empty(TextTokenizer.Tokenize(" -- ?! "));
        Assert.Empty(TextTokenizer.Tokenize(string.Empty));
    }
}
