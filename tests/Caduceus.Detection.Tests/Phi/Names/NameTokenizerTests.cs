using Caduceus.Detection.Phi.Names;

namespace Caduceus.Detection.Tests.Phi.Names;

[Collection(nameof(NameTestGroup))]
public sealed class NameTokenizerTests
{
    private static List<(string Word, NameToken Token)> Tokenize(string text)
    {
        using var tokens = new TokenBuffer(4);
        NameTokenizer.Tokenize(text, NameLexicon.Default, tokens);
        var result = new List<(string, NameToken)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            result.Add((text.Substring(tokens[i].Start, tokens[i].Length), tokens[i]));
        }

        return result;
    }

    [Fact]
    public void Splits_words_with_their_offsets()
    {
        var tokens = Tokenize("Seen by  Dr. Smith.");

        Assert.Equal(["Seen", "by", "Dr", "Smith"], tokens.Select(t => t.Word));
        Assert.Equal([0, 5, 9, 13], tokens.Select(t => t.Token.Start));
    }

    [Theory]
    [InlineData("O'Brien", nameof(TokenTraits.Apostrophe))]
    [InlineData("O’Brien", nameof(TokenTraits.Apostrophe))]
    [InlineData("Okonkwo-Adeyemi", nameof(TokenTraits.Hyphenated))]
    [InlineData("Mary-Jane", nameof(TokenTraits.Hyphenated))]
    public void Keeps_apostrophes_and_hyphens_inside_names(string text, string traitName)
    {
        var trait = Enum.Parse<TokenTraits>(traitName);
        var (word, token) = Assert.Single(Tokenize(text));

        Assert.Equal(text, word);
        Assert.True(token.Has(trait));
        Assert.Equal(TokenShape.Capitalized, token.Shape);
    }

    [Theory]
    [InlineData("Maria's chart", "Maria")]
    [InlineData("Maria’s chart", "Maria")]
    [InlineData("Graves' disease", "Graves")]
    public void Ends_a_word_before_a_possessive(string text, string expected)
    {
        var (word, token) = Tokenize(text)[0];

        Assert.Equal(expected, word);
        Assert.True(token.Has(TokenTraits.Possessive));
        Assert.Equal(expected.Length, token.Length);
    }

    [Theory]
    [InlineData("Maria", nameof(TokenShape.Capitalized))]
    [InlineData("McDonald", nameof(TokenShape.Capitalized))]
    [InlineData("al-Hassan", nameof(TokenShape.Capitalized))]
    [InlineData("MARIA", nameof(TokenShape.AllCaps))]
    [InlineData("J", nameof(TokenShape.Initial))]
    [InlineData("maria", nameof(TokenShape.Lower))]
    [InlineData("eGFR", nameof(TokenShape.Other))]
    [InlineData("王伟", nameof(TokenShape.Other))]
    public void Records_capitalization(string text, string shapeName)
    {
        var shape = Enum.Parse<TokenShape>(shapeName);
        Assert.Equal(shape, Assert.Single(Tokenize(text)).Token.Shape);
    }

    [Fact]
    public void Marks_initials_followed_by_a_period()
    {
        var tokens = Tokenize("J. Smith");

        Assert.True(tokens[0].Token.Has(TokenTraits.PeriodAfter));
        Assert.False(tokens[1].Token.Has(TokenTraits.PeriodAfter));
    }

    [Fact]
    public void Marks_words_touching_digits_and_inside_addresses()
    {
        var tokens = Tokenize("B12 jane.smith@example.com Maria");

        Assert.True(tokens[0].Token.Has(TokenTraits.TouchesDigit));
        Assert.All(tokens.Skip(1).Take(4), t => Assert.True(t.Token.Has(TokenTraits.InCompound)));
        Assert.False(tokens[^1].Token.Has(TokenTraits.InCompound));
    }

    [Fact]
    public void Keeps_decomposed_accents_inside_the_word()
    {
        var (word, _) = Assert.Single(Tokenize("Jose\u0301"));

        Assert.Equal("Jose\u0301", word);
    }
}
