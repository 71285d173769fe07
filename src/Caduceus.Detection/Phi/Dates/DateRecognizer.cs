using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Dates;

/// <summary>
/// Finds dates more specific than a year, in English and Spanish: numeric (<c>03/14/1962</c>, <c>3/14/62</c>,
/// <c>14.03.1962</c>, <c>1962-03-14</c>), with month names (<c>March 14, 1962</c>, <c>14-Mar-1962</c>, <c>Mar 14th</c>,
/// <c>14 de marzo de 1962</c>, <c>the 5th of June</c>), month and year (<c>March 1962</c>, <c>03/1962</c>), an ordinal
/// day after "on the", and dates said in words (<c>October twenty-fifth, nineteen fifty-eight</c>, <c>the fifth of
/// April</c>). Short forms that are also fractions, ratios and scores (<c>3/14</c>) count only right after a date word
/// ("admitted", "seen", "on", "Sent:", "DOB"), before a time of day (<c>3/21 10:55</c>) or at the other end of a range
/// from another date (<c>4/23/19 to 4/24</c>); on their own (a letterhead line, "(3/22)") they are not reported. Six or
/// eight bare digits count only after a birth-date label (<c>DOB: 031462</c>). Every candidate must be a real calendar
/// day. A year alone, weekdays, times and durations are not reported.
/// </summary>
public sealed partial class DateRecognizer : IDetector
{
    // Not inside a longer number, version, IP address or path; a hyphen counts only when it does not end a date
    // ("3/14-3/20" and "3/14/2023-3/20/2023" are ranges of two dates).
    private const string NotAfterNumber = @"(?<![\w./:]|(?<![0-9]/[0-9]{1,4})-)";

    // A date may run into a time ("2024-01-15T10:30") or, through a hyphen, into the next date of a range; not into more
    // digits, letters, a path or a decimal.
    private const string NotBeforeNumber = @"(?![A-SU-Za-z0-9_/]|-(?![0-9]{1,4}/[0-9])|T(?![0-9])|\.[0-9])";

    // Doses, counts and scores written after a number.
    private const string NotBeforeUnit =
        @"(?!\s*(?:%|(?i:mg|mcg|ml|units?|tabs?|tablets?|caps?|capsules?|pills?|puffs?|drops?|times|reps?|mmhg|dilution|titer)\b))";

    // Month and day in digits, 3/14, 12/1: not inside a longer number or path, and not after a blood pressure, score or
    // ratio label. The leading lookahead rejects most digits before the long lookbehind runs.
    private const string DayMonthAhead = "(?=[0-9]{1,2}/[0-9])";

    private const string DayMonthNotAfterLabel =
        @"(?<![\w./:]|(?<![0-9]/[0-9]{1,4})-|(?i:\b(?:bp|b/p|blood pressure|pressure|ratio|score|pain|grade|strength|power|vision|va|acuity|hr|rr|sbp|dbp|gcs|apgar))\s{0,3}[:=]?\s{0,3})";

    private const string DayMonthDigits = @"[0-9]{1,2}/[0-9]{1,2}(?![\w/]|[.,][0-9])";

    // Words that make a month and day in digits a dose, a score or a fraction ("1/2 tab", "5/5 strength", "3/4 of").
    private const string NotBeforeScaleWord =
        @"(?!\s*(?:%|(?i:of|strength|pain|power|score|scale|cups?|doses?|mg|mcg|ml|units?|tabs?|tablets?|caps?|capsules?|pills?|puffs?|times|ratio|dilution|th|ths)\b))";

    private static readonly ContextWords DateWords = new(
    [
        "dob", "d.o.b", "date of birth", "birth date", "birthdate", "born", "birthday", "admitted", "admission", "admit",
        "discharged", "discharge", "seen", "visit", "dated", "surgery", "appointment", "appt", "died", "death",
        "deceased", "expired", "procedure", "s/p", "fecha", "nacimiento", "nació", "ingreso", "alta",
    ]);

    // Close before a month and day in digits, these make it a date rather than a fraction or a score.
    private static readonly ContextWords ShortDateWords = new(
        [
            "dob", "d.o.b", "born", "admitted", "admission", "admit", "discharged", "discharge", "seen", "visit", "dated",
            "date", "dates", "on", "since", "until", "till", "from", "by", "last", "next", "surgery", "appointment", "appt",
            "s/p", "f/u", "follow-up", "follow up", "rtc", "scheduled", "died", "started", "stopped", "began", "returned",
            "due", "sent", "received", "signed", "el", "desde", "hasta", "fecha",
        ],
        window: 20);

    internal static readonly PatternRecognizer Dates = new(
        nameof(DateRecognizer),
        EntityTypes.Date,
        requiredChars: "0123456789",
        [
            new("date pattern with day, month and year in digits", Numeric(), 0.85, Validator: DateValidator.CheckNumeric),
            new("date pattern with month and year in digits", MonthYearNumeric(), 0.55, Validator: DateValidator.CheckMonthYear),
            new("date pattern with month name before the day", MonthFirst(), 0.9, Validator: DateValidator.CheckWithMonthName, Anchor: MonthNames.Anchor),
            new("date pattern with day before the month name", DayFirst(), 0.9, Validator: DateValidator.CheckWithMonthName, Precheck: MonthNames.AnyNearDigit),
            new("date pattern with month name and year", MonthNameYear(), 0.75, Validator: DateValidator.CheckWithMonthName, Anchor: MonthNames.Anchor),
            new("date pattern of an ordinal day", OrdinalDay(), 0.55, Validator: DateValidator.CheckOrdinalDay),
        ],
        DateWords);

    // Dates said aloud in call transcripts have no digits: a recognizer of their own, its regex behind a word precheck.
    private static readonly PatternRecognizer SpokenDates = new(
        nameof(DateRecognizer),
        EntityTypes.Date,
        requiredChars: "aeiouAEIOU",
        [
            new("date said in words, month first", SpokenMonthFirst(), 0.9, Validator: DateValidator.CheckSpoken, Precheck: SpokenDate.MayOccurIn),
            new(
                "date said in words, day first",
                SpokenDayFirst(),
                0.9,
                Validator: DateValidator.CheckSpoken,
                Precheck: static text => SpokenDate.MayOccurIn(text) && MonthNames.AnyAfterOf(text)),
        ],
        DateWords);

    // Fractions, ratios and scores look like "3/14": only right after a date word, or before a time of day
    // ("Sent: 3/21 10:55", "received 6/29 at 5:53 pm").
    private static readonly PatternRecognizer ShortDates = new(
        nameof(DateRecognizer),
        EntityTypes.Date,
        requiredChars: "/",
        [
            new("date pattern with month and day in digits", DayMonth(), 0.3, RequiresContext: true, Validator: DateValidator.CheckDayMonth),
            new("date pattern with month and day in digits before a time", DayMonthBeforeTime(), 0.6, Validator: DateValidator.CheckDayMonth, Precheck: HasTimeOfDay),
        ],
        ShortDateWords);

    // A month and day at the other end of a range from a date already found ("4/23/19 to 4/24", "5/3 to 5/6/23").
    private static readonly DateRange RangeEnds = new(
        DayMonth(), nameof(DateRecognizer), 0.65, "date pattern with month and day in digits, in a range with another date");

    // Bare digits are dates only right after a birth-date label.
    private static readonly PatternRecognizer BirthDates = new(
        nameof(DateRecognizer),
        EntityTypes.Date,
        requiredChars: "0123456789",
        [new("date pattern of six or eight bare digits", Compact(), 0.3, RequiresContext: true, Validator: DateValidator.CheckCompact)],
        new ContextWords(
        ["dob", "d.o.b", "date of birth", "birth date", "birthdate", "born", "fecha de nacimiento", "nacimiento"],
        window: 25));

    /// <inheritdoc />
    public string Name => Dates.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        var own = findings.Count;
        Dates.Detect(input, findings);
        SpokenDates.Detect(input, findings);
        ShortDates.Detect(input, findings);
        BirthDates.Detect(input, findings);
        NestedFindings.Remove(findings, own);
        var found = findings.Count;
        if (found > own && input.Text.Contains('/', StringComparison.Ordinal))
        {
            RangeEnds.AddEnds(input.Text, findings, own);
            if (findings.Count > found)
            {
                NestedFindings.Remove(findings, own);
            }
        }
    }

    // "10:55", "8:21": the precheck of the pattern of a month and day before a time.
    private static bool HasTimeOfDay(ReadOnlySpan<char> text)
    {
        var from = 1;
        while (from < text.Length - 2)
        {
            var colon = text[from..^2].IndexOf(':');
            if (colon < 0)
            {
                return false;
            }

            var at = from + colon;
            if (char.IsAsciiDigit(text[at - 1]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2]))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    // 03/14/1962, 3-14-62, 14.03.1962, 14.03.62, 1962-03-14, 1962/3/14. The separator repeats (no 03/14-1962).
    [GeneratedRegex(
        NotAfterNumber
        + @"(?:[0-9]{1,2}(?<s>[/-])[0-9]{1,2}\k<s>(?:[0-9]{4}|[0-9]{2})|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}|[0-9]{2}\.[0-9]{2}\.[0-9]{2}|[0-9]{4}(?<t>[/.-])[0-9]{1,2}\k<t>[0-9]{1,2})"
        + NotBeforeNumber + NotBeforeUnit,
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Numeric();

    // 03/1962, 2/2019, 3-2019 (not a dilution such as 1/2000 dilution).
    [GeneratedRegex(
        NotAfterNumber + "[0-9]{1,2}[/-](?:18|19|20)[0-9]{2}" + NotBeforeNumber + NotBeforeUnit,
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex MonthYearNumeric();

    // March 14, 1962; Mar 14th; Jan. 5 '62; marzo 14 de 1962; March the 14th. Not the hour of a time after a date
    // ("the 10th of June 07:51"). Tried only where a month word occurs (\G, MonthNames.Anchor).
    [GeneratedRegex(
        @"\G\b" + MonthNames.Pattern + @"\s{0,2}(?:the\s{1,2})?[0-9]{1,2}(?:st|nd|rd|th)?\b(?!:[0-9])(?:(?:,\s{0,2}|\s{1,2}|\s(?:de|del)\s)(?:[0-9]{4}|'[0-9]{2})\b)?" + NotBeforeUnit,
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex MonthFirst();

    // 14 March 1962; the 14th of March; 14 de marzo de 1962; 14-Mar-1962; 14-Mar-62; 14/mar/62; 1 May. The separators
    // are spelled out: a backreference under IgnoreCase would make the source generator fall back to the interpreter.
    // "the" belongs to the date it introduces ("the 5th of June"), as said.
    [GeneratedRegex(
        @"(?<![\w./-])[0-9]{1,2}(?:-" + MonthNames.WordPattern + "-|/" + MonthNames.WordPattern + @"/|\." + MonthNames.WordPattern + @"\.)(?:[0-9]{4}|[0-9]{2})\b"
        + @"|(?<![\w./-])(?:the\s{1,2}(?=[0-9]{1,2}(?:st|nd|rd|th)\b))?[0-9]{1,2}(?:st|nd|rd|th)?\s{1,2}(?:of\s{1,2}|de\s{1,2})?" + MonthNames.Pattern + @"(?:,?\s{1,2}(?:de\s|del\s)?(?:[0-9]{4}|'[0-9]{2})\b)?",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex DayFirst();

    // March 1962; Mar-1962; March of 1962; marzo de 1962; Mar '62. Tried only where a month word occurs.
    [GeneratedRegex(
        @"\G\b" + MonthNames.Pattern + @"\s{0,2}(?:,\s{0,2}|of\s{1,2}|de\s{1,2}|del\s{1,2}|[-/]\s?)?(?:[0-9]{4}|'[0-9]{2})\b",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex MonthNameYear();

    // "on the 14th", "since the 3rd.": the day only, and only where nothing follows that makes it a floor or a dose.
    [GeneratedRegex(
        @"(?=[0-9]{1,2}(?:st|nd|rd|th)\b)(?<=\b(?i:on|since|until|till|by|before|after)\s{1,2}the\s{1,2})[0-9]{1,2}(?:st|nd|rd|th)\b(?=\s*(?:[.,;:!?)]|$)|\s{1,2}(?i:at|and|or|to|through|when|morning|afternoon|evening|night|of\s(?:this|next|last)\smonth)\b)",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex OrdinalDay();

    // 3/14, 12/1; not before a dose, "of" or a scale word.
    [GeneratedRegex(DayMonthAhead + DayMonthNotAfterLabel + DayMonthDigits + NotBeforeScaleWord, DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex DayMonth();

    // "3/21 10:55", "7/30 8:21 PM", "6/29 at 5:53 pm": a time of day after it makes a month and day a date. Not the
    // everyday fractions, which doses take at a time as well ("1/2 at 8:00 and 1/2 at 20:00"); after a date word they
    // still count ("Sent: 1/2 10:55").
    [GeneratedRegex(
        DayMonthAhead + @"(?!(?:1/[234]|2/3|3/4)(?![0-9]))" + DayMonthNotAfterLabel
        + DayMonthDigits + @"(?=,?\s{1,2}(?:at\s{1,2}|@\s{0,2})?(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![0-9]))",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex DayMonthBeforeTime();

    // October twenty-fifth, nineteen fifty-eight; September twenty-first nineteen thirty; March first; June nineteen
    // eighty; October twenty-five, nineteen fifty-eight (a cardinal day only with a year, checked by the validator). A
    // year alone after the month is tried first ("March twenty twenty" is March 2020). Two regexes, not one: each then
    // starts with a set of words the regex engine searches for at once, where together they start with most letters.
    [GeneratedRegex(
        @"\b" + MonthNames.EnglishPattern + @"\s{1,2}(?:(?:of\s{1,2})?" + SpokenDate.Year
        + @"|(?:the\s{1,2})?(?:" + SpokenDate.OrdinalDay + @"(?:,?\s{1,2}" + SpokenDate.Year + @")?|" + SpokenDate.CardinalDay + @",?\s{1,2}" + SpokenDate.Year + "))",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex SpokenMonthFirst();

    // The fifth of April, nineteen forty; the twenty-second of March, two thousand; the first of May.
    [GeneratedRegex(
        @"\b(?:the\s{1,2}" + SpokenDate.OrdinalDay + "|" + SpokenDate.OrdinalDay + @")\s{1,2}of\s{1,2}" + MonthNames.EnglishPattern + @"\b(?:,?\s{1,2}" + SpokenDate.Year + ")?",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex SpokenDayFirst();

    [GeneratedRegex(@"(?<![\w./-])(?:[0-9]{8}|[0-9]{6})(?![\w/-]|[.,][0-9])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Compact();
}
