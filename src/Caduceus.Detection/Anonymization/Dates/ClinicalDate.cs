using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Caduceus.Detection.Anonymization.Dates;

/// <summary>
/// A date as clinical notes write it, parsed so that it can be moved and written back in the same form:
/// <c>01/05/2021</c>, <c>1-5-21</c>, <c>2021-01-05</c>, <c>20210105</c>, <c>January 5, 2021</c>, <c>Jan. 5th 2021</c>,
/// <c>Tuesday, January 5, 2021</c>, <c>5 January 2021</c>, <c>05-JAN-2021</c>, <c>05JAN2021</c>, <c>Jan 2021</c>,
/// <c>01/2021</c>, <c>1/5</c>. Anything after the date (a time, <c>T10:30Z</c>) is kept as written.
/// </summary>
/// <remarks>
/// Numeric dates are read month first, as US notes write them, unless the first number cannot be a month
/// (<c>25/12/2021</c>), then day first. Two-digit years are 1950-2049. A date without a year is placed in the leap
/// year 2000 (so 2/29 parses); a date without a day is placed on the 15th.
/// </remarks>
internal sealed partial class ClinicalDate
{
    private const string Space = "[ \u00A0]{1,3}";

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];
    private static readonly string[] DayNames = CultureInfo.InvariantCulture.DateTimeFormat.DayNames;

    private readonly string _text;
    private readonly Match _match;
    private readonly bool _dayFirst;

    private ClinicalDate(string text, Match match, DateOnly date, bool hasYear, bool hasDay, bool dayFirst)
    {
        _text = text;
        _match = match;
        Date = date;
        HasYear = hasYear;
        HasDay = hasDay;
        _dayFirst = dayFirst;
    }

    /// <summary>The date read (year 2000 when the text has none, the 15th when it has no day).</summary>
    public DateOnly Date { get; }

    public bool HasYear { get; }

    public bool HasDay { get; }

    /// <summary>The same date whatever its spelling: <c>2021-01-05</c>, <c>2021-01</c> or <c>--01-05</c>.</summary>
    public string Canonical => (HasYear, HasDay) switch
    {
        (true, true) => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (true, false) => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Date.ToString("--MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>What follows the date in the parsed text (a time, or nothing).</summary>
    public string Remainder => _text[_match.Length..];

    /// <summary>Parses <paramref name="text"/> from its first character; false when it is no date this type reads.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ClinicalDate? date)
    {
        ArgumentNullException.ThrowIfNull(text);
        date = null;
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || char.IsAsciiLetter(text[0])))
        {
            return false;
        }

        foreach (var form in Forms)
        {
            var match = form().Match(text);
            if (match.Success && TryCreate(text, match, out date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="date"/> written the way this date was written.</summary>
    public string Format(DateOnly date)
    {
        var parts = new List<(int Index, int Length, string Text)>(6);
        var weekday = _match.Groups["wd"];
        if (weekday.Success)
        {
            parts.Add((weekday.Index, weekday.Length, DayName(date.DayOfWeek, weekday.Value)));
        }

        var monthName = _match.Groups["mon"];
        if (monthName.Success)
        {
            var next = monthName.Index + monthName.Length < _text.Length ? _text[monthName.Index + monthName.Length] : ' ';
            parts.Add((monthName.Index, monthName.Length, MonthName(date.Month, monthName.Value, next)));
        }

        var (monthGroup, dayGroup) = _dayFirst ? (_match.Groups["d"], _match.Groups["m"]) : (_match.Groups["m"], _match.Groups["d"]);
        var pad = PadNumbers();
        if (monthGroup.Success)
        {
            parts.Add((monthGroup.Index, monthGroup.Length, Number(date.Month, pad)));
        }

        if (dayGroup.Success && !monthName.Success)
        {
            parts.Add((dayGroup.Index, dayGroup.Length, Number(date.Day, pad)));
        }
        else if (dayGroup.Success)
        {
            parts.Add((dayGroup.Index, dayGroup.Length, Number(date.Day, dayGroup.Length == 2 && dayGroup.Value[0] == '0')));
        }

        var ordinal = _match.Groups["ord"];
        if (ordinal.Success)
        {
            parts.Add((ordinal.Index, ordinal.Length, OrdinalSuffix(date.Day, ordinal.Value)));
        }

        var year = _match.Groups["y"];
        if (year.Success)
        {
            var text = year.Length == 4
                ? date.Year.ToString("0000", CultureInfo.InvariantCulture)
                : (date.Year % 100).ToString("00", CultureInfo.InvariantCulture);
            parts.Add((year.Index, year.Length, text));
        }

        parts.Sort((a, b) => a.Index.CompareTo(b.Index));
        var result = new StringBuilder(_text.Length + 8);
        var copied = 0;
        foreach (var (index, length, text) in parts)
        {
            result.Append(_text, copied, index - copied).Append(text);
            copied = index + length;
        }

        return result.Append(_text, copied, _text.Length - copied).ToString();
    }

    private static bool TryCreate(string text, Match match, [NotNullWhen(true)] out ClinicalDate? date)
    {
        date = null;
        var groups = match.Groups;
        int month;
        var dayFirst = false;
        if (groups["mon"].Success)
        {
            month = MonthNumber(groups["mon"].Value);
            if (month == 0)
            {
                return false;
            }
        }
        else
        {
            month = int.Parse(groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        }

        var hasDay = groups["d"].Success;
        var day = hasDay ? int.Parse(groups["d"].ValueSpan, CultureInfo.InvariantCulture) : 15;
        if (month > 12 && day <= 12 && hasDay && !groups["mon"].Success && !groups["iso"].Success)
        {
            (month, day, dayFirst) = (day, month, true);
        }

        var hasYear = groups["y"].Success;
        var year = hasYear ? Year(groups["y"].ValueSpan) : 2000;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var value = new DateOnly(year, month, day);
        if (groups["wd"].Success && !IsDayName(groups["wd"].Value))
        {
            return false;
        }

        date = new ClinicalDate(text, match, value, hasYear, hasDay, dayFirst);
        return true;
    }

    private static int Year(ReadOnlySpan<char> digits)
    {
        var year = int.Parse(digits, CultureInfo.InvariantCulture);
        return digits.Length == 2 ? (year < 50 ? 2000 + year : 1900 + year) : year;
    }

    /// <summary>1-12 for a month name or an abbreviation of at least three letters (<c>Jan</c>, <c>Sept</c>), 0 otherwise.</summary>
    private static int MonthNumber(string name) => IndexOfName(MonthNames, name) + 1;

    private static bool IsDayName(string name) => IndexOfName(DayNames, name) >= 0;

    private static int IndexOfName(string[] names, string name)
    {
        if (name.Length >= 3)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i].StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// The month's name, spelt out when the original was a full name and abbreviated to three letters otherwise.
    /// "May" is both: followed by a space or comma it reads as prose (May 5, 2021), otherwise as a record system's
    /// abbreviation (05-MAY-2021, 05may2021).
    /// </summary>
    private static string MonthName(int month, string original, char next)
    {
        var full = MonthNames[month - 1];
        var spelledOut = IsFullName(MonthNames, original) && (original.Length > 3 || next is ' ' or ',' or '\u00A0');
        return Cased(spelledOut ? full : full[..3], original);
    }

    private static string DayName(DayOfWeek day, string original)
    {
        var full = DayNames[(int)day];
        return Cased(IsFullName(DayNames, original) ? full : full[..3], original);
    }

    private static bool IsFullName(string[] names, string name) =>
        names.Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary><paramref name="word"/> in the letter case of <paramref name="original"/>: JAN, jan or Jan.</summary>
    private static string Cased(string word, string original)
    {
        if (original.Length > 1 && original.All(char.IsAsciiLetterUpper))
        {
            return word.ToUpperInvariant();
        }

        return original.All(char.IsAsciiLetterLower) ? word.ToLowerInvariant() : word;
    }

    private static string OrdinalSuffix(int day, string original)
    {
        var suffix = (day % 10, day / 10) switch
        {
            (1, not 1) => "st",
            (2, not 1) => "nd",
            (3, not 1) => "rd",
            _ => "th",
        };
        return original.All(char.IsAsciiLetterUpper) ? suffix.ToUpperInvariant() : suffix;
    }

    /// <summary>
    /// Whether numeric month and day are zero-padded: yes when either was written with a leading zero or both with
    /// two digits (12/25/2021 reads as MM/DD), no when either was written with one digit (1/5/2021).
    /// </summary>
    private bool PadNumbers()
    {
        var month = _match.Groups["m"];
        var day = _match.Groups["d"];
        var padded = (month.Success && month.Value[0] == '0') || (day.Success && day.Value[0] == '0');
        var unpadded = (month.Success && month.Length == 1) || (day.Success && day.Length == 1);
        return padded || !unpadded;
    }

    private static string Number(int value, bool pad) =>
        value.ToString(pad ? "00" : "0", CultureInfo.InvariantCulture);

    private static Func<Regex>[] Forms { get; } =
    [
        NumericWithYear, Iso, Compact, MonthNameFirst, DayFirst, MonthNameAndYear, NumericMonthAndYear, NumericWithoutYear,
    ];

    // 01/05/2021, 1-5-21, 1.5.2021 (month first unless the first number cannot be a month).
    [GeneratedRegex(@"^(?<m>[0-9]{1,2})(?<s>[/.-])(?<d>[0-9]{1,2})\k<s>(?<y>[0-9]{4}|[0-9]{2})(?![0-9])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex NumericWithYear();

    // 2021-01-05, 2021/1/5.
    [GeneratedRegex(@"^(?<iso>)(?<y>[0-9]{4})(?<s>[/.-])(?<m>[0-9]{1,2})\k<s>(?<d>[0-9]{1,2})(?![0-9])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Iso();

    // 20210105.
    [GeneratedRegex("^(?<iso>)(?<y>(?:19|20)[0-9]{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12][0-9]|3[01])(?![0-9])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Compact();

    // January 5, 2021; Jan. 5th 2021; Tuesday, January 5, 2021; Jan-05-2021; Jan 5 '21; January 5.
    [GeneratedRegex(
        "^(?:(?<wd>[a-z]{3,9})[.]?,?" + Space + ")?(?<mon>[a-z]{3,9})[.]?(?:" + Space + "|-)(?<d>[0-9]{1,2})(?<ord>st|nd|rd|th)?(?![0-9])"
            + "(?:(?:,[ \u00A0]{0,3}|" + Space + "|-)'?(?<y>[0-9]{4}|[0-9]{2})(?![0-9:]))?",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex MonthNameFirst();

    // 5 January 2021; 5th of January, 2021; 05-Jan-2021; 05JAN2021; 12 Mar.
    [GeneratedRegex(
        "^(?<d>[0-9]{1,2})(?<ord>st|nd|rd|th)?(?:" + Space + "(?:of" + Space + ")?|-)?(?<mon>[a-z]{3,9})[.]?"
            + "(?:(?:,[ \u00A0]{0,3}|" + Space + "|-)?'?(?<y>[0-9]{4}|[0-9]{2})(?![0-9:]))?",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex DayFirst();

    // January 2021; Jan. 2021; Jan '21.
    [GeneratedRegex("^(?<mon>[a-z]{3,9})[.]?(?:,?" + Space + "|-)(?:'(?<y>[0-9]{2})|(?<y>[0-9]{4}))(?![0-9:])", DetectionRegex.IgnoreCase, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex MonthNameAndYear();

    // 01/2021.
    [GeneratedRegex("^(?<m>[0-9]{1,2})(?<s>[/-])(?<y>[0-9]{4})(?![0-9])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex NumericMonthAndYear();

    // 1/5, 01/05.
    [GeneratedRegex("^(?<m>[0-9]{1,2})(?<s>[/-])(?<d>[0-9]{1,2})(?![0-9/.-])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex NumericWithoutYear();
}
