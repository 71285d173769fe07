namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// Cyrillic, Greek, Armenian and a few Latin letters that look like a Latin letter, folded to that letter:
/// "іgnоrе" (Cyrillic і, о, е) reads as "ignore".
/// </summary>
/// <remarks>
/// A hand-picked subset of the Unicode confusables data (Unicode Technical Standard #39, Security Mechanisms,
/// https://www.unicode.org/Public/security/latest/confusables.txt): the letters in U+0100–U+058F whose prototype there
/// is a single ASCII letter. Two deliberate departures: capital I look-alikes (Cyrillic І and Ӏ, Greek Ι) fold to 'I'
/// rather than to the prototype 'l', since detectors match letters case-insensitively; and Cyrillic м and ԝ, whose
/// prototypes are "rn" and "vv", fold to 'm' and 'w', the letters they stand in for in practice. Characters that NFKC
/// already folds (fullwidth and mathematical letters) are not listed. Letters that look like a Latin letter with a
/// mark (ё, й) and Greek letters common in clinical text without a Latin look-alike (β, μ) are left alone.
/// </remarks>
internal static class Confusables
{
    /// <summary>The first character of the range the look-alikes are in.</summary>
    public const char First = '\u0100';

    /// <summary>The last character of the range the look-alikes are in.</summary>
    public const char Last = '\u058F';

    // Pairs of (look-alike, Latin letter).
    private const string Pairs =
        // Latin: dotless i, alpha, script g, iota, small capital Y.
        "ıiɑaɡgɩiʏy"
        // Greek capitals, then small letters (lunate sigma ϲ, yot ϳ, capital yot Ϳ, lunate capital Ϲ).
        + "ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXϹCͿJ"
        + "αaγyιiκkνvοoρpσoτtυuϲcϳj"
        // Cyrillic capitals, then small letters (dze Ѕ ѕ, byelorussian-ukrainian І і, je Ј ј, palochka Ӏ ӏ, izhitsa
        // Ѵ ѵ, straight u Ү ү, komi de ԁ, qa ԛ, we Ԝ ԝ, shha һ, komi sje Ԍ).
        + "АAВBЕEКKМMНHОOРPСCТTХXЅSІIЈJӀIѴVҮYԜWԌG"
        + "аaеeкkмmоoпnрpсcтtуyхxѕsіiјjӏiѵvүyԁdԛqԝwһhгr"
        // Armenian capitals, then small letters.
        + "ՕOՍUՏS"
        + "օoսuհhցgզq";

    private static readonly char[] Table = Build();

    /// <summary>The Latin letter <paramref name="c"/> looks like, or <c>'\0'</c> when it is not a listed look-alike.</summary>
    public static char Fold(char c) => c is >= First and <= Last ? Table[c - First] : '\0';

    /// <summary>True for a listed look-alike outside the Latin script (the ones that make a word mixed-script).</summary>
    public static bool IsForeignLookalike(char c) => c >= '\u0370' && Fold(c) != '\0';

    private static char[] Build()
    {
        var table = new char[Last - First + 1];
        for (var i = 0; i < Pairs.Length; i += 2)
        {
            var lookalike = Pairs[i];
            if (lookalike is < First or > Last || !char.IsAsciiLetter(Pairs[i + 1]))
            {
                throw new InvalidOperationException($"Confusables entry {i / 2} is out of range.");
            }

            table[lookalike - First] = Pairs[i + 1];
        }

        return table;
    }
}
