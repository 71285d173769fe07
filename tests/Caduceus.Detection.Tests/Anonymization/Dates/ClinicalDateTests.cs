using Caduceus.Detection.Anonymization.Dates;

namespace Caduceus.Detection.Tests.Anonymization.Dates;

public sealed class ClinicalDateTests
{
    [Theory]
    [InlineData("01/05/2021", 2021, 1, 5)]
    [InlineData("1/5/2021", 2021, 1, 5)]
    [InlineData("1-5-21", 2021, 1, 5)]
    [InlineData("1.5.2021", 2021, 1, 5)]
    [InlineData("3/4/55", 1955, 3, 4)]
    [InlineData("3/4/45", 2045, 3, 4)]
    [InlineData("25/12/2021", 2021, 12, 25)]
    [InlineData("2021-01-05", 2021, 1, 5)]
    [InlineData("2021/1/5", 2021, 1, 5)]
    [InlineData("20210105", 2021, 1, 5)]
    [InlineData("January 5, 2021", 2021, 1, 5)]
    [InlineData("Jan. 5th 2021", 2021, 1, 5)]
    [InlineData("Sept 30, 2020", 2020, 9, 30)]
    [InlineData("Tuesday, January 5, 2021", 2021, 1, 5)]
    [InlineData("Jan 5 '21", 2021, 1, 5)]
    [InlineData("5 January 2021", 2021, 1, 5)]
    [InlineData("5th of January, 2021", 2021, 1, 5)]
    [InlineData("05-JAN-2021", 2021, 1, 5)]
    [InlineData("05JAN2021", 2021, 1, 5)]
    [InlineData("01/05/2021 14:30", 2021, 1, 5)]
    [InlineData("2021-01-05T10:30:00Z", 2021, 1, 5)]
    public void Reads_the_date_forms_of_clinical_notes(string text, int year, int month, int day)
    {
        Assert.True(ClinicalDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date.Date);
        Assert.True(date.HasYear);
        Assert.True(date.HasDay);
    }

    [Theory]
    [InlineData("January 2021", "2021-01")]
    [InlineData("Jan. 2021", "2021-01")]
    [InlineData("01/2021", "2021-01")]
    [InlineData("3/14", "--03-14")]
    [InlineData("2/29", "--02-29")]
    [InlineData("March 14", "--03-14")]
    [InlineData("14 Mar", "--03-14")]
    public void Reads_partial_dates(string text, string canonical)
    {
        Assert.True(ClinicalDate.TryParse(text, out var date));
        Assert.Equal(canonical, date.Canonical);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021")]
    [InlineData("13/13/2021")]
    [InlineData("02/30/2021")]
    [InlineData("Smarch 5, 2021")]
    [InlineData("Funday, January 5, 2021")]
    [InlineData("3 tablets")]
    [InlineData("yesterday")]
    [InlineData(" 01/05/2021")]
    [InlineData("123/45/2021")]
    public void Rejects_what_is_not_a_date(string text)
    {
        Assert.False(ClinicalDate.TryParse(text, out _));
    }

    [Theory]
    [InlineData("01/05/2021", "02/10/2021")]
    [InlineData("1/5/2021", "2/10/2021")]
    [InlineData("12/25/2021", "01/30/2022")]
    [InlineData("1-5-21", "2-10-21")]
    [InlineData("25/12/2021", "30/01/2022")]
    [InlineData("2021-01-05", "2021-02-10")]
    [InlineData("20210105", "20210210")]
    [InlineData("January 5, 2021", "February 10, 2021")]
    [InlineData("Jan. 5th 2021", "Feb. 10th 2021")]
    [InlineData("JAN 1ST 2021", "FEB 6TH 2021")]
    [InlineData("Tuesday, January 5, 2021", "Wednesday, February 10, 2021")]
    [InlineData("Tue Jan 5 2021", "Wed Feb 10 2021")]
    [InlineData("5 January 2021", "10 February 2021")]
    [InlineData("05-JAN-2021", "10-FEB-2021")]
    [InlineData("05may2021", "10jun2021")]
    [InlineData("May 5, 2021", "June 10, 2021")]
    [InlineData("January 2021", "February 2021")]
    [InlineData("01/05/2021 14:30", "02/10/2021 14:30")]
    [InlineData("3/14", "4/19")]
    public void Writes_a_new_date_in_the_original_form(string text, string expected)
    {
        Assert.True(ClinicalDate.TryParse(text, out var date));

        Assert.Equal(expected, date.Format(date.Date.AddDays(36)));
    }

    [Theory]
    [InlineData("Jan 1st, 2021", 1, "Jan 2nd, 2021")]
    [InlineData("Jan 1st, 2021", 2, "Jan 3rd, 2021")]
    [InlineData("Jan 1st, 2021", 10, "Jan 11th, 2021")]
    [InlineData("Jan 1st, 2021", 11, "Jan 12th, 2021")]
    [InlineData("Jan 1st, 2021", 20, "Jan 21st, 2021")]
    [InlineData("Jan 1st, 2021", 22, "Jan 23rd, 2021")]
    public void Writes_ordinal_suffixes_for_the_new_day(string text, int days, string expected)
    {
        Assert.True(ClinicalDate.TryParse(text, out var date));

        Assert.Equal(expected, date.Format(date.Date.AddDays(days)));
    }

    public static TheoryData<string> AdversarialInputs => new()
    {
        new string('1', 100_000),
        string.Concat(Enumerable.Repeat("1/", 50_000)),
        "January" + new string(' ', 100_000) + "5",
        "5" + new string(' ', 100_000) + "January",
        string.Concat(Enumerable.Repeat("Jan ", 25_000)),
        new string('a', 100_000),
        "Monday," + new string(' ', 100_000),
        string.Concat(Enumerable.Repeat("05-", 33_000)),
    };

    // The forms are anchored with bounded repetition: each must stay linear on long hostile values.
    [Theory]
    [MemberData(nameof(AdversarialInputs))]
    public void Parses_adversarial_input_without_timing_out(string text)
    {
        _ = ClinicalDate.TryParse(text, out _);
    }
}
