using Caduceus.Detection.Phi.Dates;

namespace Caduceus.Detection.Tests.Phi.Dates;

[Collection(SequentialScans.Name)]
public sealed class DateRecognizerTests
{
    private readonly DateRecognizer _recognizer = new();

    private Finding FindOne(string text, string expected)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));
        Assert.Equal(EntityTypes.Date, finding.EntityType);
        Assert.Equal(text.IndexOf(expected, StringComparison.Ordinal), finding.Start);
        Assert.Equal(expected.Length, finding.Length);
        return finding;
    }

    [Fact]
    public void Finds_numeric_date_with_four_digit_year()
    {
        const string text = "Patient born 03/14/1962 in Ohio.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Date, finding.EntityType);
        Assert.Equal(FindingCategory.Phi, finding.Category);
        Assert.Equal(13, finding.Start);
        Assert.Equal(10, finding.Length);
        Assert.Equal("DateRecognizer", finding.Detector);
        Assert.Equal(1.0, finding.Score);
        Assert.Equal("date pattern with day, month and year in digits, valid calendar date, context word 'born' immediately before", finding.Explanation);
    }

    [Theory]
    [InlineData("on file: 03/14/1962.", "03/14/1962")]
    [InlineData("3/14/62 visit", "3/14/62")]
    [InlineData("fecha 14.03.1962", "14.03.1962")]
    [InlineData("14.03.62", "14.03.62")]
    [InlineData("(1962-03-14)", "1962-03-14")]
    [InlineData("03-14-1962,", "03-14-1962")]
    [InlineData("2024/1/5", "2024/1/5")]
    [InlineData("14/03/1962", "14/03/1962")]
    [InlineData("collected 2024-01-15T10:30", "2024-01-15")]
    [InlineData("2/29/2024", "2/29/2024")]
    public void Finds_numeric_dates(string text, string expected)
    {
        FindOne(text, expected);
    }

    [Fact]
    public void Two_digit_year_lowers_the_score()
    {
        var full = Assert.Single(_recognizer.FindIn("results 03/14/1962"));
        var shortYear = Assert.Single(_recognizer.FindIn("results 03/14/62"));

        Assert.Equal(0.85, full.Score);
        Assert.Equal(0.72, shortYear.Score);
        Assert.Contains("two-digit year", shortYear.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("02/30/2020")]
    [InlineData("2/29/2023")]
    [InlineData("13/13/1962")]
    [InlineData("00/12/1962")]
    [InlineData("DOB 19620300")]
    [InlineData("admitted 3/0")]
    [InlineData("1962-13-01")]
    [InlineData("1962-02-30")]
    [InlineData("1700-01-01")]
    [InlineData("04/31/1999")]
    public void Rejects_impossible_calendar_dates(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("March 14, 1962", "March 14, 1962")]
    [InlineData("DOB March 14 1962.", "March 14 1962")]
    [InlineData("seen Mar 14th for f/u", "Mar 14th")]
    [InlineData("Jan. 5 '62", "Jan. 5 '62")]
    [InlineData("SEPT 3, 2019", "SEPT 3, 2019")]
    [InlineData("nació marzo 14 de 1962", "marzo 14 de 1962")]
    [InlineData("on March the 14th", "March the 14th")]
    [InlineData("Tuesday, December 31", "December 31")]
    public void Finds_dates_with_month_name_first(string text, string expected)
    {
        FindOne(text, expected);
    }

    [Theory]
    [InlineData("14 March 1962", "14 March 1962")]
    [InlineData("admitted 14-Mar-1962.", "14-Mar-1962")]
    [InlineData("14-MAR-62", "14-MAR-62")]
    [InlineData("14/mar/62", "14/mar/62")]
    [InlineData("on the 14th of March", "the 14th of March")]
    [InlineData("el 14 de marzo", "14 de marzo")]
    [InlineData("nacido el 14 de marzo de 1962", "14 de marzo de 1962")]
    [InlineData("1st May, 2020", "1st May, 2020")]
    [InlineData("the 3rd of January 2021", "the 3rd of January 2021")]
    [InlineData("Surgery on 3rd of August.", "3rd of August")]
    [InlineData("seen 3 Aug. for f/u", "3 Aug.")]
    public void Finds_dates_with_day_before_month_name(string text, string expected)
    {
        FindOne(text, expected);
    }

    [Theory]
    [InlineData("since March 1962", "March 1962")]
    [InlineData("Mar-1962", "Mar-1962")]
    [InlineData("in March of 1962", "March of 1962")]
    [InlineData("desde marzo de 1962", "marzo de 1962")]
    [InlineData("summer of Aug '62", "Aug '62")]
    [InlineData("s/p CABG 2/2019", "2/2019")]
    [InlineData("last seen 03/1962", "03/1962")]
    public void Finds_month_and_year(string text, string expected)
    {
        FindOne(text, expected);
    }

    [Theory]
    [InlineData("February 30, 2020")]
    [InlineData("June 31")]
    [InlineData("13/2019")]
    [InlineData("Mar 45")]
    public void Rejects_impossible_dates_with_month_names_or_month_numbers(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Day_and_month_without_year_scores_lower_than_full_date()
    {
        var full = Assert.Single(_recognizer.FindIn("March 14, 1962"));
        var noYear = Assert.Single(_recognizer.FindIn("March 14"));

        Assert.Equal(0.9, full.Score);
        Assert.Equal(0.76, noYear.Score);
    }

    [Theory]
    [InlineData("you may 2 times a day")]
    [InlineData("may 5 be ok?")]
    public void Lower_case_may_before_a_number_is_doubtful(string text)
    {
        var findings = _recognizer.FindIn(text);

        Assert.All(findings, f => Assert.True(f.Score < 0.5, $"score {f.Score}"));
    }

    [Theory]
    [InlineData("admitted 3/14 with chest pain", "3/14")]
    [InlineData("seen on 12/1.", "12/1")]
    [InlineData("DOB: 3/14", "3/14")]
    [InlineData("discharge 14/3", "14/3")]
    [InlineData("f/u 2/29", "2/29")]
    [InlineData("el 14/3", "14/3")]
    public void Finds_day_and_month_in_digits_after_a_date_word(string text, string expected)
    {
        var finding = FindOne(text, expected);

        Assert.True(finding.Score >= 0.65, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("take 1/2 tab")]
    [InlineData("BP 120/80")]
    [InlineData("B/P: 11/7 on exam")]
    [InlineData("on exam 5/5 strength")]
    [InlineData("2/3 of the dose")]
    [InlineData("pain 7/10 today")]
    [InlineData("pain on 7/10 scale")]
    [InlineData("3/14 without any date word")]
    [InlineData("admitted 3/32")]
    [InlineData("admitted 13/13")]
    [InlineData("on 3/4 cup")]
    [InlineData("GCS 15, 2/2 on")]
    public void Ignores_fractions_ratios_and_scores(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("DOB: 031462", "031462")]
    [InlineData("date of birth 19620314", "19620314")]
    [InlineData("born 03141962.", "03141962")]
    [InlineData("fecha de nacimiento 140362", "140362")]
    public void Finds_bare_digits_after_a_birth_date_label(string text, string expected)
    {
        FindOne(text, expected);
    }

    [Theory]
    [InlineData("order 031462")]
    [InlineData("DOB: 991399")]
    [InlineData("MRN 19621399")]
    [InlineData("DOB: 0314620")]
    public void Ignores_bare_digits_without_a_birth_date_label_or_calendar_date(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("come back on the 14th.", "14th")]
    [InlineData("since the 3rd, when it started", "3rd")]
    [InlineData("by the 21st of next month", "21st")]
    public void Finds_ordinal_day_after_on_the(string text, string expected)
    {
        FindOne(text, expected);
    }

    [Theory]
    [InlineData("on the 4th floor")]
    [InlineData("on the 2nd day")]
    [InlineData("the 14th")]
    [InlineData("on the 45th.")]
    public void Ignores_ordinals_that_are_not_days(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("in 2019")]
    [InlineData("Surgery in 1998, doing well")]
    [InlineData("Can I come on Tuesday afternoon?")]
    [InlineData("at 10:30 am")]
    [InlineData("for 3 weeks")]
    [InlineData("Take 2.5 mg twice daily")]
    [InlineData("version 1.2.3")]
    [InlineData("IP 192.168.10.12")]
    [InlineData("Na 135-145 mmol/L")]
    [InlineData("call 555-123-4567")]
    [InlineData("SSN 123-45-6789")]
    [InlineData("1/2000 dilution")]
    [InlineData("May is a month")]
    [InlineData("marching 14 miles")]
    [InlineData("Mark 14 and Dec")]
    [InlineData("2 days ago 5 mg")]
    [InlineData("10-20-30 mg")]
    [InlineData("")]
    public void Ignores_years_weekdays_times_durations_doses_and_versions(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("admitted 3/14-3/20 for pneumonia", "3/14", "3/20")]
    [InlineData("stay 3/14/2023-3/20/2023.", "3/14/2023", "3/20/2023")]
    [InlineData("from 2023-03-14 to 2023-03-20", "2023-03-14", "2023-03-20")]
    public void Finds_both_dates_of_a_range(string text, string first, string second)
    {
        var covered = _recognizer.FindIn(text).OrderBy(f => f.Start).Select(f => f.Covered(text));

        Assert.Equal([first, second], covered);
    }

    [Theory]
    [InlineData("take 1-3/4 cup")]
    [InlineData("code A-12/2019")]
    public void A_hyphen_that_does_not_end_a_date_still_blocks_a_date(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Reports_an_entity_written_in_two_overlapping_forms_once()
    {
        const string text = "born on the 14th of March 1962";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal("the 14th of March 1962", finding.Covered(text));
    }

    [Fact]
    public void Finds_every_date_in_a_note()
    {
        const string text = "Admitted 3/14/2023, CT on March 15, discharged 3/20. DOB 031462. Follow-up in April 2023.";

        var covered = _recognizer.FindIn(text).OrderBy(f => f.Start).Select(f => f.Covered(text));

        Assert.Equal(["3/14/2023", "March 15", "3/20", "031462", "April 2023"], covered);
    }

    [Theory]
    [InlineData("Dates: the 16th of May to 22 May 2019", "the 16th of May")]
    [InlineData("The 20th of December 2023 was her last visit", "The 20th of December 2023")]
    [InlineData("symptoms began on the 5th of June.", "the 5th of June")]
    public void An_ordinal_day_of_the_month_covers_the_word_the(string text, string expected)
    {
        var finding = Assert.Single(_recognizer.FindIn(text), f => f.Start == text.IndexOf(expected, StringComparison.Ordinal));

        Assert.Equal(expected, finding.Covered(text));

        Assert.True(finding.Score >= 0.5, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("Sent: the 10th of June 07:51", "the 10th of June")]
    [InlineData("seen June 7 09:30", "June 7")]
    public void The_hour_of_a_time_after_a_date_is_not_a_day(string text, string expected)
    {
        FindOne(text, expected);
    }

    [Theory]
    [InlineData("Caller: October twenty-fifth, nineteen fifty-eight.", "October twenty-fifth, nineteen fifty-eight")]
    [InlineData("it's September twenty-first nineteen thirty", "September twenty-first nineteen thirty")]
    [InlineData("born the fifth of April, nineteen forty", "the fifth of April, nineteen forty")]
    [InlineData("the twenty-second of March, two thousand", "the twenty-second of March, two thousand")]
    [InlineData("the thirty-first of August, nineteen forty-four", "the thirty-first of August, nineteen forty-four")]
    [InlineData("June fourteenth two thousand and five", "June fourteenth two thousand and five")]
    [InlineData("January third, twenty twenty-one", "January third, twenty twenty-one")]
    [InlineData("May ninth nineteen oh five", "May ninth nineteen oh five")]
    [InlineData("March the first, nineteen hundred", "March the first, nineteen hundred")]
    [InlineData("october twenty fifth nineteen fifty eight", "october twenty fifth nineteen fifty eight")]
    [InlineData("October twenty-five, nineteen fifty-eight", "October twenty-five, nineteen fifty-eight")]
    [InlineData("February twenty-ninth, nineteen fifty-two", "February twenty-ninth, nineteen fifty-two")]
    public void Finds_dates_said_in_words(string text, string expected)
    {
        var finding = FindOne(text, expected);

        Assert.Contains(", valid calendar date", finding.Explanation, StringComparison.Ordinal);
        Assert.True(finding.Score >= 0.9, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("Since June nineteen eighty", "June nineteen eighty")]
    [InlineData("in March twenty twenty", "March twenty twenty")]
    [InlineData("December of two thousand", "December of two thousand")]
    public void Finds_month_and_year_said_in_words(string text, string expected)
    {
        var finding = FindOne(text, expected);

        Assert.Contains("valid month and year", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("it is October twenty-fifth", "October twenty-fifth")]
    [InlineData("Caller: the fifth of April.", "the fifth of April")]
    [InlineData("May first works", "May first")]
    public void Day_and_month_said_without_year_score_as_a_date_without_year(string text, string expected)
    {
        var finding = FindOne(text, expected);

        Assert.Equal(0.76, finding.Score);
        Assert.EndsWith("valid day and month, no year", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("February thirtieth, nineteen fifty")]
    [InlineData("February twenty-ninth, nineteen fifty-one")]
    [InlineData("the thirty-second of March")]
    [InlineData("April thirty-first")]
    [InlineData("October twenty-five")]
    [InlineData("In March twenty patients were seen")]
    [InlineData("the first of many visits")]
    [InlineData("first of all, nineteen fifty-eight was a good year")]
    [InlineData("in the second week of March")]
    [InlineData("the fifth of the month")]
    [InlineData("nineteen fifty-eight")]
    [InlineData("March eighteen ninety")]
    public void Ignores_words_that_are_not_a_spoken_calendar_date(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("you may first call the pharmacy")]
    [InlineData("we march second in line")]
    public void Lower_case_may_or_march_before_an_ordinal_is_doubtful(string text)
    {
        Assert.All(_recognizer.FindIn(text), f => Assert.True(f.Score < 0.5, $"score {f.Score}"));
    }

    [Theory]
    [InlineData("From: Omar Baker\nSent: 9/16 19:00\nDear Dr. Lee", "9/16")]
    [InlineData("Transcribed voicemail, received 3/21 at 23:18:", "3/21")]
    [InlineData("[Call transcript - Bluebonnet Pediatrics - 7/30 8:21 PM]", "7/30")]
    [InlineData("Message 12/16 3:58 PM", "12/16")]
    [InlineData("Sent: 9/16", "9/16")]
    [InlineData("Dates: 4/1 through April 13th, 2023", "4/1")]
    [InlineData("RTC in 5 months (12/8).", "12/8")]
    [InlineData("Signed 3/22", "3/22")]
    [InlineData("Sent: 1/2 10:55", "1/2")]
    [InlineData("7/12 14:05 call back", "7/12")]
    public void Finds_day_and_month_in_digits_after_a_message_word_or_before_a_time(string text, string expected)
    {
        var finding = Assert.Single(_recognizer.FindIn(text), f => f.Covered(text) == expected);

        Assert.True(finding.Score >= 0.5, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("Hospital account 12345\nDates: 4/23/19 to 4/24\nCourse:", "4/23/19", "4/24")]
    [InlineData("Course 5/3 to 5/6/23 uneventful", "5/3", "5/6/23")]
    [InlineData("stay July 3rd, 2023 to 7/9, then rehab", "July 3rd, 2023", "7/9")]
    [InlineData("10/14 - October 26, 2023", "10/14", "October 26, 2023")]
    [InlineData("admitted 3/1 until 3/4", "3/1", "3/4")]
    [InlineData("From 2/21/2020 through 3/3.", "2/21/2020", "3/3")]
    public void Finds_day_and_month_in_digits_at_the_other_end_of_a_range(string text, string first, string second)
    {
        var covered = _recognizer.FindIn(text).OrderBy(f => f.Start).Select(f => f.Covered(text));

        Assert.Equal([first, second], covered);
    }

    [Theory]
    [InlineData("Letterhead\n2/5\n\nDear Dr. Iyer,")]
    [InlineData("Signed: Hiroshi Zhang, MD (3/22)")]
    [InlineData("Patient message via portal (8/17)")]
    [InlineData("CALL LOG 6/29 - nurse line")]
    [InlineData("1/2 to 3/4 cup")]
    [InlineData("pain 3/10 to 5/10")]
    [InlineData("strength 4/5 to 5/5")]
    [InlineData("seen 3/14/2023 and 5/5 strength")]
    [InlineData("on 3/14/2023, 1/2 tab to 3/4 tab")]
    [InlineData("MoCA 24/30 at 10:30")]
    [InlineData("took 1/2 tab at 10:30")]
    [InlineData("BP 120/80 at 10:30")]
    [InlineData("take 1/2 at 8:00 and 1/2 at 20:00")]
    [InlineData("Gave 1/4 @ 09:15")]
    [InlineData("3/4 10:30")]
    public void Month_and_day_in_digits_without_a_date_word_time_or_range_is_not_reported(string text)
    {
        Assert.DoesNotContain(_recognizer.FindIn(text), f => f.Covered(text).Length <= 5 && f.Covered(text).Contains('/', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Strength 5/5 throughout; 1/2 tab of carvedilol; grade 2/6 murmur; pain 7/10; 3/4 of the time; BP 120/80.")]
    [InlineData("Sent: 5/5 strength")]
    [InlineData("Dates: 1/2 tab")]
    [InlineData("since 3/4 of the dose")]
    public void Fractions_scores_and_doses_stay_unreported_even_near_a_date_word(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("DOB 03/14/1962")]
    [InlineData("March 14, 1962")]
    [InlineData("admitted 3/14")]
    [InlineData("DOB: 031462")]
    public void Explanation_never_contains_the_value(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));
        var value = finding.Covered(text);

        Assert.DoesNotContain(value, finding.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("14", finding.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("62", finding.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<string> AdversarialInputs => new()
    {
        string.Concat(Enumerable.Repeat("1/", 50_000)),
        string.Concat(Enumerable.Repeat("12/12/", 17_000)),
        string.Concat(Enumerable.Repeat("1.1.", 25_000)),
        string.Concat(Enumerable.Repeat("March ", 17_000)),
        string.Concat(Enumerable.Repeat("March 1", 14_000)),
        string.Concat(Enumerable.Repeat("14 of March de ", 7_000)),
        string.Concat(Enumerable.Repeat("on the the ", 9_000)),
        "on 1/2" + new string(' ', 100_000) + "tab",
        "bp" + new string(' ', 100_000) + "1/2",
        new string('1', 100_000),
        string.Concat(Enumerable.Repeat("2024-", 20_000)),
        string.Concat(Enumerable.Repeat("March twenty twenty ", 5_000)),
        string.Concat(Enumerable.Repeat("the twenty-first of ", 5_000)) + "May",
        string.Concat(Enumerable.Repeat("nineteen ", 11_000)) + "first of June",
        string.Concat(Enumerable.Repeat("1/2 to ", 14_000)) + "3/4/2020",
        string.Concat(Enumerable.Repeat("3/4/2020 to 1/2 ", 6_000)),
        string.Concat(Enumerable.Repeat("Sent: 3/4 ", 10_000)) + "10:30",
    };

    [Theory]
    [MemberData(nameof(AdversarialInputs))]
    public void Scans_100_kb_adversarial_input_without_timing_out(string text)
    {
        Assert.NotNull(_recognizer.FindIn(text));
    }
}
