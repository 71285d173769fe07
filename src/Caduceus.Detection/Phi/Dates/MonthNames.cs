using System.Buffers;

namespace Caduceus.Detection.Phi.Dates;

/// <summary>English and Spanish month names and abbreviations (written by the team), and the regex fragment that matches them.</summary>
internal static class MonthNames
{
    /// <summary>
    /// Any month name or abbreviation as a whole word, an abbreviation with an optional dot ("Jan."); for
    /// case-insensitive patterns. Spanish "ago" and "set" are left out: as abbreviations they collide with English
    /// words before numbers ("2 days ago 5 mg").
    /// </summary>
    public const string Pattern = "(?:" + FullNames + @"\b|" + Abbreviations + @"\b\.?)";

    /// <summary>Any month name or abbreviation as a whole word, without the abbreviation dot.</summary>
    public const string WordPattern = "(?:" + FullNames + "|" + Abbreviations + @")\b";

    /// <summary>An English month name in full, as it is said: spoken dates ("October twenty-fifth") never abbreviate.</summary>
    public const string EnglishPattern = "(?:january|february|march|april|may|june|july|august|september|october|november|december)";

    private const string FullNames =
        "(?:january|february|march|april|may|june|july|august|september|october|november|december|"
        + "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";

    private const string Abbreviations = "(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|ene|abr|dic)";

    private static readonly Dictionary<string, int> Months = Build();

    private static readonly SearchValues<string> AnyMonth = SearchValues.Create([.. Months.Keys], StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a pattern beginning with <see cref="Pattern"/> may match: wherever a month name or abbreviation occurs.</summary>
    public static WordListAnchor Anchor { get; } = new(Months.Keys);

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthsBySpan =
        Months.GetAlternateLookup<ReadOnlySpan<char>>();

    // Lower-case spellings that are also everyday words or abbreviations ("you may", "dec" for decreased); a date built
    // on one of them without a year is doubtful.
    private static readonly string[] AmbiguousWords = ["may", "mar", "dec", "sep"];

    /// <summary>The month number (1-12) of <paramref name="word"/>, or 0 when it is not a month name.</summary>
    public static int Number(ReadOnlySpan<char> word) => MonthsBySpan.TryGetValue(word, out var month) ? month : 0;

    /// <summary>
    /// True when <paramref name="text"/> has a month name or abbreviation as a whole word: the precheck of the patterns
    /// built on <see cref="Pattern"/>, whose regexes would otherwise try a match at nearly every letter.
    /// </summary>
    public static bool AnyIn(ReadOnlySpan<char> text) => AnyWhere(text, static (_, _, _) => true);

    /// <summary>
    /// True when <paramref name="text"/> has a month name as a whole word with a digit at most <see cref="DigitReach"/>
    /// characters before or after it: the precheck of the patterns that write the day or the year in digits ("March
    /// 14", "14 de marzo", "March 1962"). "You may need" has no date in digits, so those regexes are not run at all.
    /// </summary>
    public static bool AnyNearDigit(ReadOnlySpan<char> text) => AnyWhere(text, HasDigitAround);

    /// <summary>True when a month name follows "of" ("the fifth of April"): the precheck of spoken day-first dates.</summary>
    public static bool AnyAfterOf(ReadOnlySpan<char> text) => AnyWhere(text, static (t, start, _) =>
        t[..start].TrimEnd().EndsWith("of", StringComparison.OrdinalIgnoreCase));

    // The patterns allow at most "th of " or ", " plus two spaces between the month and its digits; 16 leaves margin.
    private const int DigitReach = 16;

    private delegate bool MonthCondition(ReadOnlySpan<char> text, int start, int end);

    private static bool AnyWhere(ReadOnlySpan<char> text, MonthCondition condition)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var index = text[offset..].IndexOfAny(AnyMonth);
            if (index < 0)
            {
                return false;
            }

            var start = offset + index;
            var end = start;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            if ((start == 0 || !char.IsLetterOrDigit(text[start - 1])) && Number(text[start..end]) != 0
                && condition(text, start, end))
            {
                return true;
            }

            offset = end > start ? end : start + 1;
        }

        return false;
    }

    private static bool HasDigitAround(ReadOnlySpan<char> text, int start, int end)
    {
        var from = Math.Max(0, start - DigitReach);
        var to = Math.Min(text.Length, end + DigitReach);
        return text[from..to].ContainsAnyInRange('0', '9');
    }

    /// <summary>True for a lower-case month word that is also a common English word or abbreviation.</summary>
    public static bool IsAmbiguousWord(ReadOnlySpan<char> word)
    {
        foreach (var ambiguous in AmbiguousWords)
        {
            if (word.SequenceEqual(ambiguous))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, int> Build()
    {
        string[][] names =
        [
            ["january", "jan", "enero", "ene"],
            ["february", "feb", "febrero"],
            ["march", "mar", "marzo"],
            ["april", "apr", "abril", "abr"],
            ["may", "mayo"],
            ["june", "jun", "junio"],
            ["july", "jul", "julio"],
            ["august", "aug", "agosto"],
            ["september", "sept", "sep", "septiembre", "setiembre"],
            ["october", "oct", "octubre"],
            ["november", "nov", "noviembre"],
            ["december", "dec", "diciembre", "dic"],
        ];

        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months.Add(name, i + 1);
            }
        }

        return months;
    }
}
