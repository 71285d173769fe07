using System.Buffers;

namespace Caduceus.Detection.Phi.Addresses;

/// <summary>
/// Street words of the forms common abroad (written by the team), and the prechecks that skip their patterns on texts
/// without them. A substring test is not enough: "rue" is in "true", "via" in "obviate", "place" in "took place".
/// </summary>
internal static class StreetWords
{
    private static readonly SearchValues<string> LeadingWords = SearchValues.Create(
    [
        "calle", "c/", "avenida", "avda", "paseo", "camino", "carrera", "carretera", "ctra", "ronda", "travesia", "travesía",
        "rua", "rúa", "via", "viale", "piazza", "corso", "largo", "rue", "chemin", "quai",
    ],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> CompoundEndings = SearchValues.Create(
    [
        "katu", "kuja", "polku", "gatan", "gata", "vägen", "gade", "vej", "veien", "straße", "strasse", "str.", "weg", "gasse",
        "platz", "allee", "straat", "laan", "gracht", "plein", "ulica", "utca",
    ],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> WordsAfterNumber = SearchValues.Create(
    [
        "rue", "avenue", "boulevard", "bd", "place", "chemin", "impasse", "allee", "allée", "quai", "cours", "passage", "calle",
        "avenida", "paseo", "via", "viale", "piazza", "rua",
    ],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>US street suffixes, as in <see cref="AddressRecognizer"/>'s street pattern (a test keeps the two in step).</summary>
    public static readonly string[] UsSuffixes =
    [
        "street", "avenue", "boulevard", "road", "drive", "lane", "court", "way", "place", "parkway", "highway", "terrace",
        "circle", "square", "trail", "loop", "plaza", "alley", "pike", "turnpike", "crescent", "row", "run", "path", "walk",
        "expressway", "freeway", "point", "crossing", "cove", "ridge", "landing", "commons", "heights", "gardens", "st", "ave",
        "av", "blvd", "rd", "dr", "ln", "ct", "pl", "pkwy", "hwy", "ter", "cir", "sq", "trl", "plz", "aly", "tpke", "cres",
        "expy", "fwy", "pt", "xing", "cv", "hts", "gdns",
    ];

    private static readonly SearchValues<string> UsSuffixValues = SearchValues.Create(UsSuffixes, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a US street suffix occurs as a whole word: without one there is no US street address.</summary>
    public static bool AnyUsSuffix(ReadOnlySpan<char> text) =>
        AnyOccurrence(text, UsSuffixValues, IsWordStart, static (t, end) => end == t.Length || !char.IsLetterOrDigit(t[end]));

    /// <summary>True when a street word starts a word ("Calle Mayor 5") or ends one before a space or comma ("Koskikatu 25").</summary>
    public static bool AnyBeforeNumber(ReadOnlySpan<char> text) =>
        AnyOccurrence(text, LeadingWords, IsWordStart, static (_, _) => true)
        || AnyOccurrence(text, CompoundEndings, static (t, start) => start > 0 && char.IsLetter(t[start - 1]), static (t, end) => end < t.Length && (t[end] == ',' || char.IsWhiteSpace(t[end])));

    /// <summary>True when a street word that follows a house number ("12 rue de la Paix") occurs as a whole word.</summary>
    public static bool AnyAfterNumber(ReadOnlySpan<char> text) =>
        AnyOccurrence(text, WordsAfterNumber, IsWordStart, static (t, end) => end == t.Length || !char.IsLetter(t[end]));

    private delegate bool OccurrenceTest(ReadOnlySpan<char> text, int offset);

    // The start is tested once, before the walk to the end of the letters: most occurrences ("st" in "first") fail it, and
    // testing it at every possible end made this precheck a third of the recognizer's time.
    private static bool AnyOccurrence(ReadOnlySpan<char> text, SearchValues<string> words, OccurrenceTest startTest, OccurrenceTest endTest)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var index = text[offset..].IndexOfAny(words);
            if (index < 0)
            {
                return false;
            }

            var start = offset + index;
            if (startTest(text, start))
            {
                var end = start + 1;
                while (end < text.Length && (char.IsLetter(text[end]) || text[end] is '/' or '.'))
                {
                    end++;
                }

                // Any word of the list that starts here: test its end at every length up to the end of the letters.
                for (var wordEnd = start + 1; wordEnd <= end; wordEnd++)
                {
                    if (endTest(text, wordEnd))
                    {
                        return true;
                    }
                }
            }

            offset = start + 1;
        }

        return false;
    }

    private static bool IsWordStart(ReadOnlySpan<char> text, int start) => start == 0 || !char.IsLetterOrDigit(text[start - 1]);
}
