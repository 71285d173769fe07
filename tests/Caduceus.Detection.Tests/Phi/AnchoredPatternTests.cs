using System.Text;
using System.Text.RegularExpressions;
using Caduceus.Detection.Phi;
using Caduceus.Detection.Phi.Dates;
using Caduceus.Detection.Phi.Network;

namespace Caduceus.Detection.Tests.Phi;

/// <summary>
/// Anchored patterns (tried only where an anchor's token starts) must find exactly what the same regex finds scanning
/// the whole text: compared on many generated texts built from the pieces these patterns care about.
/// </summary>
public sealed class AnchoredPatternTests
{
    private static readonly string[] Pieces =
    [
        "jane", "doe", "J", "x1", "_", ".", "..", "@", "@@", "-", "%", "+", "/", "//", ":", "://", "http", "https", "ftp",
        "www", "com", "org", "co", "uk", "health", "example", "MRN", "A", "AB", "ABCD", "123", "123456", "1234567890",
        "12345678901", " ", "  ", "\n", ",", ";", "(", ")", "é", "Ω", "\u200D", "\u0301", "?", "#", "=", "8080", "[::1]",
        "jane.doe@example.com", "j+x@mail.example.co.uk", "a@b.c", "https://portal.example.org/p/1", "http://", "www.example.com",
        "example.health", "janedoe.com/blog", "MRN-00123456", "AB-1234567", " MRN ", ".com", "@example.org",
    ];

    // Month words (inside words too: "summary", "primary", "decreased"), days, years and the joins between them.
    private static readonly string[] DatePieces =
    [
        "March", "MARCH", "mar", "Mar.", "May", "may", "mayo", "Sept", "sept.", "Sep", "jun", "June", "dec", "Dec.", "enero",
        "dic", "diciembre", "abr", "summary", "primary", "decreased", "junior", "the", "of", "de", "del", " ", "  ", ",", ", ",
        "-", "/", ".", "'", "14", "3", "14th", "1st", "22nd", "1962", "'62", "2019", "07:51", "mg", "%", "_", "x", "\n", "é",
        "March 14, 1962", "Mar 1962", "14 de marzo de 1962", "the 5th of June", "June 2019", "Sept. 3",
    ];

    public static TheoryData<string> AnchoredRecognizers => ["email", "mrn", "url", "date"];

    [Theory]
    [MemberData(nameof(AnchoredRecognizers))]
    public void Anchored_patterns_find_the_same_matches_as_a_whole_text_scan(string recognizer)
    {
        var patterns = Recognizer(recognizer).Patterns.Where(p => p.Anchor is not null).ToList();
        Assert.NotEmpty(patterns);
        var random = new Random(20261128);
        var compared = 0;
        foreach (var pattern in patterns)
        {
            var wholeTextScan = new Regex(pattern.Regex.ToString()[2..], pattern.Regex.Options);
            for (var i = 0; i < 4000; i++)
            {
                var text = Generate(random, recognizer == "date" ? DatePieces : Pieces);
                var expected = wholeTextScan.Matches(text).Select(m => (m.Index, m.Length)).ToList();
                Assert.Equal(expected, Anchored(pattern, text));
                compared += expected.Count;
            }
        }

        // The generated texts must actually contain matches, or the comparison proves nothing.
        Assert.True(compared > 200, $"only {compared} matches compared");
    }

    [Fact]
    public void A_pattern_without_G_cannot_be_anchored()
    {
        var pattern = new RecognizerPattern("unanchored", new Regex("[0-9]+"), 0.5, Anchor: new RegexAnchor("0123456789", ""));

        var error = Assert.Throws<ArgumentException>(() =>
            new PatternRecognizer("Test", EntityTypes.Mrn, "0123456789", [pattern], new ContextWords(["mrn"])));

        Assert.Contains(@"\G", error.Message, StringComparison.Ordinal);
    }

    private static PatternRecognizer Recognizer(string name) => name switch
    {
        "email" => EmailRecognizer.Recognizer,
        "mrn" => MrnRecognizer.Recognizer,
        "date" => DateRecognizer.Dates,
        _ => UrlRecognizer.Recognizer,
    };

    private static List<(int Index, int Length)> Anchored(RecognizerPattern pattern, string text)
    {
        var spans = new List<(int, int)>();
        var from = 0;
        var matchedTo = 0;
        while (PatternRecognizer.NextAnchoredMatch(pattern.Regex, pattern.Anchor!, text, ref from, ref matchedTo) is { } match)
        {
            spans.Add((match.Index, match.Length));
        }

        return spans;
    }

    private static string Generate(Random random, string[] pieces)
    {
        var text = new StringBuilder();
        var count = random.Next(1, 30);
        for (var i = 0; i < count; i++)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }
}
