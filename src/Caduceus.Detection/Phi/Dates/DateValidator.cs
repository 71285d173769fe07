namespace Caduceus.Detection.Phi.Dates;

/// <summary>
/// Checks that a date candidate names a real calendar day (no February 30, no month 13). Numeric dates are accepted in
/// either month/day or day/month order, since both are written. Reasons describe the rule, never the date.
/// </summary>
internal static class DateValidator
{
    /// <summary>A two-digit year could be any century: slightly less sure than a full date.</summary>
    public const double TwoDigitYearFactor = 0.85;

    /// <summary>Day and month without a year: a date, but also how counts and scores look.</summary>
    public const double NoYearFactor = 0.85;

    /// <summary>A lower-case "may" or "dec" before a number without a year is more often a word than a month.</summary>
    public const double AmbiguousMonthWordFactor = 0.5;

    private const int MaxNumbers = 4;

    /// <summary>Day, month and year in digits: <c>03/14/1962</c>, <c>14.03.1962</c>, <c>1962-03-14</c>, <c>3/14/62</c>.</summary>
    public static CandidateCheck CheckNumeric(ReadOnlySpan<char> candidate)
    {
        Span<int> values = stackalloc int[MaxNumbers];
        Span<int> lengths = stackalloc int[MaxNumbers];
        if (ReadNumbers(candidate, values, lengths) != 3)
        {
            return CandidateCheck.Invalid("not three numbers");
        }

        if (lengths[0] == 4)
        {
            return IsDay(values[0], values[1], values[2])
                ? CandidateCheck.Valid("valid calendar date")
                : CandidateCheck.Invalid("not a calendar date");
        }

        var year = values[2];
        if (!IsDay(year, values[0], values[1]) && !IsDay(year, values[1], values[0]))
        {
            return CandidateCheck.Invalid("not a calendar date");
        }

        return lengths[2] == 2
            ? CandidateCheck.Doubtful("valid calendar date, two-digit year", TwoDigitYearFactor)
            : CandidateCheck.Valid("valid calendar date");
    }

    /// <summary>Month and four-digit year in digits: <c>03/1962</c>, <c>2/2019</c>.</summary>
    public static CandidateCheck CheckMonthYear(ReadOnlySpan<char> candidate)
    {
        Span<int> values = stackalloc int[MaxNumbers];
        Span<int> lengths = stackalloc int[MaxNumbers];
        return ReadNumbers(candidate, values, lengths) == 2 && CalendarDate.IsValid(values[1], values[0], 0)
            ? CandidateCheck.Valid("valid month and year")
            : CandidateCheck.Invalid("not a month and year");
    }

    /// <summary>Month and day without a year: <c>3/14</c> (or day/month, <c>14/3</c>).</summary>
    public static CandidateCheck CheckDayMonth(ReadOnlySpan<char> candidate)
    {
        Span<int> values = stackalloc int[MaxNumbers];
        Span<int> lengths = stackalloc int[MaxNumbers];
        return ReadNumbers(candidate, values, lengths) == 2
            && (IsDay(0, values[0], values[1]) || IsDay(0, values[1], values[0]))
            ? CandidateCheck.Valid("valid day and month")
            : CandidateCheck.Invalid("not a day and month");
    }

    /// <summary>Six or eight digits without separators: <c>031462</c>, <c>03141962</c>, <c>19620314</c>.</summary>
    public static CandidateCheck CheckCompact(ReadOnlySpan<char> candidate)
    {
        if (candidate.Length == 8)
        {
            var first4 = Number(candidate[..4]);
            var last4 = Number(candidate[4..]);
            return IsDay(first4, Number(candidate[4..6]), Number(candidate[6..]))
                || IsDay(last4, Number(candidate[..2]), Number(candidate[2..4]))
                || IsDay(last4, Number(candidate[2..4]), Number(candidate[..2]))
                ? CandidateCheck.Valid("valid calendar date without separators")
                : CandidateCheck.Invalid("not a calendar date");
        }

        if (candidate.Length == 6)
        {
            var a = Number(candidate[..2]);
            var b = Number(candidate[2..4]);
            var c = Number(candidate[4..]);
            return IsDay(c, a, b) || IsDay(c, b, a) || IsDay(a, b, c)
                ? CandidateCheck.Doubtful("valid calendar date without separators, two-digit year", TwoDigitYearFactor)
                : CandidateCheck.Invalid("not a calendar date");
        }

        return CandidateCheck.Invalid("not six or eight digits");
    }

    /// <summary>
    /// A date with a month name: <c>March 14, 1962</c>, <c>14 de marzo de 1962</c>, <c>14-Mar-62</c>, <c>Mar 14th</c>,
    /// <c>March 1962</c>, <c>Mar '62</c>.
    /// </summary>
    public static CandidateCheck CheckWithMonthName(ReadOnlySpan<char> candidate)
    {
        var month = 0;
        var ambiguousWord = false;
        var day = 0;
        var year = 0;
        var i = 0;
        while (i < candidate.Length)
        {
            var c = candidate[i];
            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < candidate.Length && char.IsAsciiDigit(candidate[i]))
                {
                    i++;
                }

                var value = Number(candidate[start..i]);
                var isYear = i - start == 4 || (start > 0 && candidate[start - 1] == '\'') || day != 0;
                if (isYear)
                {
                    year = value;
                }
                else
                {
                    day = value;
                }
            }
            else if (char.IsLetter(c))
            {
                while (i < candidate.Length && char.IsLetter(candidate[i]))
                {
                    i++;
                }

                if (month == 0)
                {
                    var word = candidate[start..i];
                    month = MonthNames.Number(word);
                    ambiguousWord = month != 0 && MonthNames.IsAmbiguousWord(word);
                }
            }
            else
            {
                i++;
            }
        }

        // An apostrophe year ('62) or a year after a day (14-Mar-62) has two digits: any century.
        if (month == 0 || !CalendarDate.IsValid(year, month, day) || (year == 0 && day == 0))
        {
            return CandidateCheck.Invalid("not a calendar date");
        }

        if (day == 0)
        {
            return CandidateCheck.Valid("valid month and year");
        }

        if (year != 0)
        {
            return CandidateCheck.Valid("valid calendar date");
        }

        return ambiguousWord
            ? CandidateCheck.Doubtful("valid day and month, no year, month word also a common word", AmbiguousMonthWordFactor)
            : CandidateCheck.Doubtful("valid day and month, no year", NoYearFactor);
    }

    /// <summary>
    /// A date said in words: <c>October twenty-fifth, nineteen fifty-eight</c>, <c>the fifth of April</c>,
    /// <c>June nineteen eighty</c>. A day said as a cardinal ("October twenty-five") is a date only with a year.
    /// </summary>
    public static CandidateCheck CheckSpoken(ReadOnlySpan<char> candidate)
    {
        if (!SpokenDate.TryRead(candidate, out var date) || !CalendarDate.IsValid(date.Year, date.Month, date.Day))
        {
            return CandidateCheck.Invalid("not a calendar date");
        }

        if (date.Day == 0)
        {
            return date.Year == 0 ? CandidateCheck.Invalid("not a calendar date") : CandidateCheck.Valid("valid month and year");
        }

        if (date.Year != 0)
        {
            return CandidateCheck.Valid("valid calendar date");
        }

        if (!date.DayIsOrdinal)
        {
            return CandidateCheck.Invalid("day said as a number, no year");
        }

        return date.MonthIsCommonWord
            ? CandidateCheck.Doubtful("valid day and month, no year, month word also a common word", AmbiguousMonthWordFactor)
            : CandidateCheck.Doubtful("valid day and month, no year", NoYearFactor);
    }

    /// <summary>An ordinal day of the month on its own: <c>the 14th</c>.</summary>
    public static CandidateCheck CheckOrdinalDay(ReadOnlySpan<char> candidate)
    {
        var digits = candidate.IndexOfAnyExceptInRange('0', '9');
        var day = Number(digits < 0 ? candidate : candidate[..digits]);
        return day is >= 1 and <= 31
            ? CandidateCheck.Valid("valid day of the month")
            : CandidateCheck.Invalid("not a day of the month");
    }

    // A date written with a day must name one: day 0 is not "no day" here.
    private static bool IsDay(int year, int month, int day) => day != 0 && CalendarDate.IsValid(year, month, day);

    // Reads up to MaxNumbers digit runs; returns how many there were (more than MaxNumbers counts as MaxNumbers + 1).
    private static int ReadNumbers(ReadOnlySpan<char> candidate, Span<int> values, Span<int> lengths)
    {
        var count = 0;
        var i = 0;
        while (i < candidate.Length)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < candidate.Length && char.IsAsciiDigit(candidate[i]))
            {
                i++;
            }

            if (count == MaxNumbers || i - start > 4)
            {
                return MaxNumbers + 1;
            }

            values[count] = Number(candidate[start..i]);
            lengths[count] = i - start;
            count++;
        }

        return count;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
