using Caduceus.Detection.Phi.Learned;

namespace Caduceus.Detection.Tests.Phi.Learned;

public sealed class TagTokenizerTests
{
    private static string[] Words(string text)
    {
        var tokens = new List<TagToken>();
        TagTokenizer.Tokenize(text, tokens);
        return [.. tokens.Select(t => text[t.Start..t.End])];
    }

    [Theory]
    [InlineData("555-123-4567", new[] { "555", "123", "4567" })]
    [InlineData("jane.roe@example.org", new[] { "jane", "roe", "example", "org" })]
    [InlineData("José Müller, 90210", new[] { "José", "Müller", "90210" })]
    [InlineData("Bell's palsy", new[] { "Bell", "s", "palsy" })]
    [InlineData("  \n\t", new string[0])]
    [InlineData("Πλατεία Συντάγματος 204", new[] { "Πλατεία", "Συντάγματος", "204" })]
    public void Splits_text_into_runs_of_letters_digits_and_marks(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Fact]
    public void Keeps_combining_marks_and_astral_letters_inside_words_and_emoji_outside()
    {
        const string text = "Zoe\u0301 \U0001D400bc 😀x";

        Assert.Equal(["Zoe\u0301", "\U0001D400bc", "x"], Words(text));
    }
}
