using Caduceus.Detection.Phi.Names;

namespace Caduceus.Detection.Tests.Phi.Names;

[Collection(nameof(NameTestGroup))]
public sealed class NameLexiconTests
{
    private static readonly NameLexicon Lexicon = NameLexicon.Default;

    [Theory]
    [InlineData("Smith", nameof(LexiconFlags.Surname))]
    [InlineData("SMITH", nameof(LexiconFlags.Surname))]
    [InlineData("smith", nameof(LexiconFlags.Surname))]
    [InlineData("Maria", nameof(LexiconFlags.GivenName))]
    [InlineData("Guadalupe", nameof(LexiconFlags.GivenName))]
    [InlineData("Nguyen", nameof(LexiconFlags.Surname))]
    [InlineData("Nguyễn", nameof(LexiconFlags.Surname))]
    [InlineData("José", nameof(LexiconFlags.GivenName))]
    [InlineData("Jose\u0301", nameof(LexiconFlags.GivenName))]
    [InlineData("O'Brien", nameof(LexiconFlags.Surname))]
    [InlineData("O’Brien", nameof(LexiconFlags.Surname))]
    [InlineData("Okafor", nameof(LexiconFlags.Surname))]
    [InlineData("Oluwaseun", nameof(LexiconFlags.GivenName))]
    [InlineData("Mohammed", nameof(LexiconFlags.GivenName))]
    [InlineData("Patel", nameof(LexiconFlags.Surname))]
    [InlineData("Kowalczyk", nameof(LexiconFlags.Surname))]
    [InlineData("Wiśniewski", nameof(LexiconFlags.Surname))]
    [InlineData("Yılmaz", nameof(LexiconFlags.Surname))]
    public void Knows_names_of_many_origins_case_and_accent_insensitively(string word, string flag)
    {
        var expected = Enum.Parse<LexiconFlags>(flag);
        Assert.True((Lexicon.Lookup(word) & expected) != 0, $"{word}: {Lexicon.Lookup(word)}");
    }

    [Theory]
    [InlineData("Smirnov")]
    [InlineData("Smirnova")]
    [InlineData("Oleksandr")]
    [InlineData("Papadopoulos")]
    [InlineData("Beridze")]
    public void Knows_names_romanized_from_cyrillic_greek_and_georgian_locales(string word)
    {
        Assert.True((Lexicon.Lookup(word) & (LexiconFlags.GivenName | LexiconFlags.Surname)) != 0, $"{word}: {Lexicon.Lookup(word)}");
    }

    [Theory]
    [InlineData("Mary-Jane", nameof(LexiconFlags.GivenName))]
    [InlineData("Smith-Jones", nameof(LexiconFlags.Surname))]
    [InlineData("al-Hassan", nameof(LexiconFlags.Surname))]
    public void Combines_the_parts_of_hyphenated_names(string word, string flag)
    {
        var expected = Enum.Parse<LexiconFlags>(flag);
        Assert.True((Lexicon.Lookup(word) & expected) != 0, $"{word}: {Lexicon.Lookup(word)}");
    }

    [Theory]
    [InlineData("Follow-Up")]
    [InlineData("Spanish-speaking")]
    [InlineData("Non-Hodgkin")]
    public void Hyphenated_words_with_an_ordinary_part_are_not_names(string word)
    {
        var flags = Lexicon.Lookup(word);

        Assert.True(flags.HasFlag(LexiconFlags.NonName) || flags.HasFlag(LexiconFlags.MedicalTerm), $"{word}: {flags}");
    }

    [Theory]
    [InlineData("will", nameof(LexiconFlags.CommonWord))]
    [InlineData("grace", nameof(LexiconFlags.CommonWord))]
    [InlineData("parkinson", nameof(LexiconFlags.MedicalTerm))]
    [InlineData("disease", nameof(LexiconFlags.EponymHead))]
    [InlineData("hospital", nameof(LexiconFlags.Organization))]
    [InlineData("street", nameof(LexiconFlags.Street))]
    [InlineData("june", nameof(LexiconFlags.Month))]
    [InlineData("english", nameof(LexiconFlags.Nationality))]
    [InlineData("cardiology", nameof(LexiconFlags.NonName))]
    [InlineData("van", nameof(LexiconFlags.Particle))]
    [InlineData("jr", nameof(LexiconFlags.Suffix))]
    [InlineData("dr", nameof(LexiconFlags.Cue))]
    [InlineData("don't", nameof(LexiconFlags.CommonWord))]
    public void Knows_the_words_that_are_not_names(string word, string flag)
    {
        var expected = Enum.Parse<LexiconFlags>(flag);
        Assert.True(Lexicon.Lookup(word).HasFlag(expected), $"{word}: {Lexicon.Lookup(word)}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Xqzvbrt")]
    public void Unknown_words_have_no_flags(string word)
    {
        Assert.Equal(LexiconFlags.None, Lexicon.Lookup(word));
    }

    [Fact]
    public void Is_built_once_and_shared()
    {
        Assert.Same(NameLexicon.Default, NameLexicon.Default);
        Assert.True(NameLexicon.Default.Count > 100_000, $"{NameLexicon.Default.Count} entries");
    }

    [Fact]
    public void Every_embedded_word_list_is_present()
    {
        foreach (var file in new[] { "census-1990-last-names.txt", "gpt2-common-words.txt", "eponyms.txt", "first-names.txt" })
        {
            Assert.NotEmpty(WordListResource.Read(file));
        }

        Assert.Throws<InvalidOperationException>(() => WordListResource.Read("missing.txt").ToList());
    }
}
