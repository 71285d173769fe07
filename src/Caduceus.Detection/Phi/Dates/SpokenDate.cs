using System.Buffers;
using System.Collections.Frozen;
using Caduceus.Detection.Phi.Spoken;

namespace Caduceus.Detection.Phi.Dates;

/// <summary>
/// Dates said aloud, as call transcripts write them: "October twenty-fifth, nineteen fifty-eight", "the fifth of April,
/// nineteen forty", "March first", "June nineteen eighty". Holds the regex fragments for the words and reads a matched
/// candidate back into numbers. Years run from 1900 to 2099: "nineteen fifty-eight", "nineteen oh five", "nineteen
/// hundred", "two thousand", "two thousand and five", "twenty twenty-one". Written for this project.
/// </summary>
internal static class SpokenDate
{
    /// <summary>A day of the month as an ordinal, "first" to "thirty-first" (a "thirty-second" matches and is refused when read).</summary>
    public const string OrdinalDay =
        "(?:(?:twenty|thirty)[- ](?:" + OrdinalUnits + ")|twentieth|thirtieth|" + OrdinalTeens + "|" + OrdinalUnits + @")\b";

    /// <summary>A day of the month as a cardinal, "five", "twenty-five": a date only with a year after it.</summary>
    public const string CardinalDay = "(?:(?:twenty|thirty)(?:[- ](?:" + Units + "))?|" + Teens + "|" + Units + @")\b";

    /// <summary>A year from 1900 to 2099 in words.</summary>
    public const string Year =
        @"(?:(?:nineteen|twenty)[- ](?:hundred\b|oh[- ](?:" + Units + @")\b|" + TwoDigits + @")"
        + @"|two[- ]thousand\b(?:,?\s{1,2}(?:and\s{1,2})?(?:" + TwoDigits + "|(?:" + Units + @")\b))?)";

    private const string Units = "one|two|three|four|five|six|seven|eight|nine";
    private const string Teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string OrdinalUnits = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth";
    private const string OrdinalTeens = "tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth";

    // 10 to 99.
    private const string TwoDigits = "(?:(?:" + Tens + ")(?:[- ](?:" + Units + "))?|" + Teens + @")\b";

    // Words in a spoken date; a longer candidate is not one.
    private const int MaxWords = 12;

    // Every spoken date holds one of these: an ordinal day, or a year (a cardinal day needs one).
    private static readonly SearchValues<string> DayOrYearWords = SearchValues.Create(
        [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth", "teenth", "twentieth", "thirtieth", "nineteen", "twenty", "thousand",
        ],
        StringComparison.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Ordinals = new (string Word, int Day)[]
    {
        ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8),
        ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13), ("fourteenth", 14),
        ("fifteenth", 15), ("sixteenth", 16), ("seventeenth", 17), ("eighteenth", 18), ("nineteenth", 19),
        ("twentieth", 20), ("thirtieth", 30),
    }.ToFrozenDictionary(o => o.Word, o => o.Day, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when <paramref name="text"/> may hold a spoken date: an ordinal or year word and a month name. The
    /// precheck of the spoken-date pattern, whose regex would otherwise try a match at many letters.
    /// </summary>
    public static bool MayOccurIn(ReadOnlySpan<char> text) => text.ContainsAny(DayOrYearWords) && MonthNames.AnyIn(text);

    /// <summary>
    /// Reads a candidate the spoken-date pattern matched. False when its words do not make a month with a day, a year
    /// or both. The day is 0 when none was said, the year 0 when none was said.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> candidate, out SpokenDateParts parts)
    {
        parts = default;
        Span<Range> words = stackalloc Range[MaxWords];
        var count = Split(candidate, words);
        if (count <= 0)
        {
            return false;
        }

        var first = Is(candidate[words[0]], "the") ? 1 : 0;
        var monthAt = first;
        var month = 0;
        while (monthAt < count && (month = MonthNames.Number(candidate[words[monthAt]])) == 0)
        {
            monthAt++;
        }

        if (month == 0)
        {
            return false;
        }

        var monthWord = candidate[words[monthAt]];
        var monthIsCommonWord = monthWord.SequenceEqual("may") || monthWord.SequenceEqual("march");
        if (monthAt > first)
        {
            // The fifth of April[, nineteen forty]: an ordinal day, "of", the month, perhaps a year.
            if (!Is(candidate[words[monthAt - 1]], "of")
                || !TryReadDay(candidate, words[first..(monthAt - 1)], out var day, out var ordinal)
                || !ordinal
                || !TryReadOptionalYear(candidate, words[(monthAt + 1)..count], out var year))
            {
                return false;
            }

            parts = new SpokenDateParts(year, month, day, DayIsOrdinal: true, monthIsCommonWord);
            return true;
        }

        var rest = words[(monthAt + 1)..count];
        if (rest.Length > 0 && Is(candidate[rest[0]], "of"))
        {
            // June of nineteen eighty.
            if (!TryReadYear(candidate, rest[1..], out var ofYear))
            {
                return false;
            }

            parts = new SpokenDateParts(ofYear, month, 0, DayIsOrdinal: false, monthIsCommonWord);
            return true;
        }

        // June nineteen eighty: a year alone is tried first, as the pattern does ("March twenty twenty").
        if (TryReadYear(candidate, rest, out var monthYear))
        {
            parts = new SpokenDateParts(monthYear, month, 0, DayIsOrdinal: false, monthIsCommonWord);
            return true;
        }

        if (rest.Length > 0 && Is(candidate[rest[0]], "the"))
        {
            rest = rest[1..];
        }

        // October twenty-fifth, nineteen fifty-eight: a day of one or two words, then perhaps a year.
        for (var dayWords = Math.Min(2, rest.Length); dayWords >= 1; dayWords--)
        {
            if (TryReadDay(candidate, rest[..dayWords], out var day, out var ordinal)
                && TryReadOptionalYear(candidate, rest[dayWords..], out var year))
            {
                parts = new SpokenDateParts(year, month, day, ordinal, monthIsCommonWord);
                return true;
            }
        }

        return false;
    }

    // "first", "twelfth", "twenty-first", "five", "twenty five", "thirty".
    private static bool TryReadDay(ReadOnlySpan<char> candidate, ReadOnlySpan<Range> words, out int day, out bool ordinal)
    {
        day = 0;
        ordinal = false;
        if (words.Length == 1)
        {
            var word = candidate[words[0]];
            if (Ordinals.TryGetValue(word, out day))
            {
                ordinal = true;
                return true;
            }

            return TryReadUpTo99(candidate, words, out day);
        }

        if (words.Length != 2 || !SpokenWords.TryGetTens(candidate[words[0]], out var tens) || tens > 3)
        {
            return false;
        }

        var unit = candidate[words[1]];
        if (Ordinals.TryGetValue(unit, out var ordinalUnit) && ordinalUnit <= 9)
        {
            day = (tens * 10) + ordinalUnit;
            ordinal = true;
            return true;
        }

        if (SpokenWords.TryGetDigit(unit, out var digit) && digit >= 1)
        {
            day = (tens * 10) + digit;
            return true;
        }

        return false;
    }

    private static bool TryReadOptionalYear(ReadOnlySpan<char> candidate, ReadOnlySpan<Range> words, out int year)
    {
        year = 0;
        return words.IsEmpty || TryReadYear(candidate, words, out year);
    }

    // "nineteen fifty-eight", "nineteen oh five", "nineteen hundred", "twenty twenty-one", "two thousand [and] five".
    private static bool TryReadYear(ReadOnlySpan<char> candidate, ReadOnlySpan<Range> words, out int year)
    {
        year = 0;
        if (words.Length >= 2 && Is(candidate[words[0]], "two") && Is(candidate[words[1]], "thousand"))
        {
            var rest = words[2..];
            if (rest.Length > 0 && Is(candidate[rest[0]], "and"))
            {
                rest = rest[1..];
            }

            var yy = 0;
            if (!rest.IsEmpty && !TryReadUpTo99(candidate, rest, out yy))
            {
                return false;
            }

            year = 2000 + yy;
            return true;
        }

        var century = words.Length < 2 ? 0 : Century(candidate[words[0]]);
        if (century == 0)
        {
            return false;
        }

        var tail = words[1..];
        if (tail.Length == 1 && SpokenWords.IsHundred(candidate[tail[0]]))
        {
            year = century * 100;
            return true;
        }

        if (tail.Length == 2 && Is(candidate[tail[0]], "oh") && SpokenWords.TryGetDigit(candidate[tail[1]], out var digit) && digit >= 1)
        {
            year = (century * 100) + digit;
            return true;
        }

        if (TryReadUpTo99(candidate, tail, out var rest99) && rest99 >= 10)
        {
            year = (century * 100) + rest99;
            return true;
        }

        return false;
    }

    // The first word of a year said in two halves: "nineteen" fifty-eight, "twenty" twenty-one.
    private static int Century(ReadOnlySpan<char> word) => Is(word, "nineteen") ? 19 : Is(word, "twenty") ? 20 : 0;

    // 1 to 99 in one or two words: "five", "twelve", "forty", "fifty-eight".
    private static bool TryReadUpTo99(ReadOnlySpan<char> candidate, ReadOnlySpan<Range> words, out int value)
    {
        value = 0;
        if (words.Length == 1)
        {
            var word = candidate[words[0]];
            if (SpokenWords.TryGetTeen(word, out value))
            {
                return true;
            }

            if (SpokenWords.TryGetTens(word, out var tensOnly))
            {
                value = tensOnly * 10;
                return true;
            }

            return SpokenWords.TryGetDigit(word, out value) && value >= 1;
        }

        if (words.Length == 2
            && SpokenWords.TryGetTens(candidate[words[0]], out var tens)
            && SpokenWords.TryGetDigit(candidate[words[1]], out var digit)
            && digit >= 1)
        {
            value = (tens * 10) + digit;
            return true;
        }

        return false;
    }

    // Words are runs of letters; spaces, hyphens and commas separate them. -1 when there are more than fit.
    private static int Split(ReadOnlySpan<char> candidate, Span<Range> words)
    {
        var count = 0;
        var i = 0;
        while (i < candidate.Length)
        {
            if (!char.IsAsciiLetter(candidate[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < candidate.Length && char.IsAsciiLetter(candidate[i]))
            {
                i++;
            }

            if (count == words.Length)
            {
                return -1;
            }

            words[count++] = start..i;
        }

        return count;
    }

    private static bool Is(ReadOnlySpan<char> word, string expected) => word.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
