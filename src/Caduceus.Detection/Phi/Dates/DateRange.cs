using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Dates;

/// <summary>
/// The other end of a range from a date already found, when it is a month and day in digits: <c>4/23/19 to 4/24</c>,
/// <c>5/3 to 5/6/23</c>, <c>July 3rd, 2023 - 7/9</c>. The date on the other side vouches for it where "4/24" alone could
/// be a fraction or a score. Looked for only right beside the dates found, not over the whole text.
/// </summary>
internal sealed class DateRange
{
    // "12/31".
    private const int MaxDayMonthLength = 5;

    // Spaces either side of a joining word or dash.
    private const int MaxSpaces = 2;

    // Characters after a candidate its regex may read (a unit such as "tab" after "1/2" rejects it).
    private const int LookAhead = 64;

    private static readonly string[] JoinWords = ["to", "through", "thru", "until", "till"];

    private readonly Regex _dayMonth;
    private readonly string _detector;
    private readonly double _score;
    private readonly string _explanation;

    /// <param name="dayMonth">The regex of a month and day in digits, with its guards against fractions and scores.</param>
    /// <param name="detector">Detector name reported in findings.</param>
    /// <param name="score">Score of a range end.</param>
    /// <param name="description">Names the form in explanations; never a value.</param>
    public DateRange(Regex dayMonth, string detector, double score, string description)
    {
        ArgumentNullException.ThrowIfNull(dayMonth);
        ArgumentException.ThrowIfNullOrWhiteSpace(detector);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        _dayMonth = dayMonth;
        _detector = detector;
        _score = score;
        _explanation = description + ", valid day and month";
    }

    /// <summary>
    /// Adds a finding for each month and day in digits joined by "to", "through", "until" or a dash to one of the
    /// dates in <paramref name="findings"/> from <paramref name="from"/> on. A range end already found may be added
    /// again: the caller drops nested findings.
    /// </summary>
    public void AddEnds(string text, List<Finding> findings, int from)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        var dates = findings.Count;
        for (var i = from; i < dates; i++)
        {
            var date = findings[i];
            var after = SkipJoinForward(text, date.End);
            if (after >= 0)
            {
                TryAdd(text, findings, after, requiredEnd: -1);
            }

            var before = SkipJoinBackward(text, date.Start);
            var start = before < 0 ? -1 : DayMonthStart(text, before);
            if (start >= 0)
            {
                TryAdd(text, findings, start, before);
            }
        }
    }

    // The regex decides at that very position, seeing the whole text before it (its guards look back for "BP", "pain")
    // and a bounded stretch after it.
    private void TryAdd(string text, List<Finding> findings, int start, int requiredEnd)
    {
        var limit = Math.Min(text.Length, start + MaxDayMonthLength + LookAhead);
        foreach (var match in _dayMonth.EnumerateMatches(text.AsSpan(0, limit), start))
        {
            if (match.Index == start
                && (requiredEnd < 0 || match.Index + match.Length == requiredEnd)
                && DateValidator.CheckDayMonth(text.AsSpan(start, match.Length)).IsValid)
            {
                findings.Add(new Finding(EntityTypes.Date, FindingCategory.Phi, start, match.Length, _score, _detector, _explanation));
            }

            return;
        }
    }

    // Past " to ", " - ", "-" after a date: where the other end would start (a digit), or -1.
    private static int SkipJoinForward(string text, int end)
    {
        var i = SkipSpaces(text, end, +1);
        var spaced = i > end;
        if (i < text.Length && IsDash(text[i]))
        {
            i++;
        }
        else if (spaced && WordAt(text, i) is var length and > 0)
        {
            i += length;
            if (i >= text.Length || text[i] != ' ')
            {
                return -1;
            }
        }
        else
        {
            return -1;
        }

        i = SkipSpaces(text, i, +1);
        return i < text.Length && char.IsAsciiDigit(text[i]) ? i : -1;
    }

    // Before " to ", " - ", "-" ahead of a date: where the other end would end (after a digit), or -1.
    private static int SkipJoinBackward(string text, int start)
    {
        var i = SkipSpaces(text, start, -1);
        var spaced = i < start;
        if (i > 0 && IsDash(text[i - 1]))
        {
            i--;
        }
        else if (spaced)
        {
            var wordStart = i;
            while (wordStart > 0 && char.IsAsciiLetter(text[wordStart - 1]) && i - wordStart < 8)
            {
                wordStart--;
            }

            if (wordStart == i || wordStart == 0 || text[wordStart - 1] != ' ' || WordAt(text, wordStart) != i - wordStart)
            {
                return -1;
            }

            i = wordStart;
        }
        else
        {
            return -1;
        }

        i = SkipSpaces(text, i, -1);
        return i > 0 && char.IsAsciiDigit(text[i - 1]) ? i : -1;
    }

    // "3/4" or "12/31" ending at end: where it starts, or -1.
    private static int DayMonthStart(string text, int end)
    {
        var i = end;
        var day = 0;
        while (i > 0 && char.IsAsciiDigit(text[i - 1]) && day < 3)
        {
            i--;
            day++;
        }

        if (day is < 1 or > 2 || i == 0 || text[i - 1] != '/')
        {
            return -1;
        }

        i--;
        var month = 0;
        while (i > 0 && char.IsAsciiDigit(text[i - 1]) && month < 3)
        {
            i--;
            month++;
        }

        return month is >= 1 and <= 2 ? i : -1;
    }

    private static int SkipSpaces(string text, int from, int step)
    {
        var i = from;
        var skipped = 0;
        while (skipped < MaxSpaces && (step > 0 ? i < text.Length && text[i] == ' ' : i > 0 && text[i - 1] == ' '))
        {
            i += step;
            skipped++;
        }

        return i;
    }

    // Length of the joining word at i ("to", "through", ...) when it is a whole word there, else 0.
    private static int WordAt(string text, int i)
    {
        foreach (var word in JoinWords)
        {
            var end = i + word.Length;
            if (end <= text.Length
                && text.AsSpan(i, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
                && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return word.Length;
            }
        }

        return 0;
    }

    private static bool IsDash(char c) => c is '-' or '\u2013' or '\u2014';
}
