using Caduceus.Detection.Anonymization;
using Caduceus.Detection.Anonymization.Dates;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed class DateShiftOperatorTests
{
    private static readonly DateShiftOperator Shift = new(TestKeys.A);

    [Fact]
    public void Shifts_every_date_of_a_scope_by_the_same_days_keeping_intervals()
    {
        var scope = new AnonymizationScope("patient-17");

        var admitted = Parse(Shift.Operate(EntityTypes.Date, "01/05/2021", scope));
        var discharged = Parse(Shift.Operate(EntityTypes.Date, "January 19, 2021", scope));

        Assert.Equal(14, discharged.DayNumber - admitted.DayNumber);
        Assert.Equal(Shift.ShiftDays(scope), admitted.DayNumber - new DateOnly(2021, 1, 5).DayNumber);
    }

    [Fact]
    public void Keeps_the_written_form()
    {
        var scope = new AnonymizationScope("patient-17");
        var expected = new DateOnly(2021, 1, 5).AddDays(Shift.ShiftDays(scope));

        Assert.Equal(expected.ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture), Shift.Operate(EntityTypes.Date, "01/05/2021", scope));
        Assert.Equal(expected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Shift.Operate(EntityTypes.Date, "2021-01-05", scope));
    }

    [Fact]
    public void Keeps_white_space_around_the_date()
    {
        var shifted = Shift.Operate(EntityTypes.Date, " 01/05/2021 ", new AnonymizationScope("p"));

        Assert.StartsWith(" ", shifted, StringComparison.Ordinal);
        Assert.EndsWith(" ", shifted, StringComparison.Ordinal);
        Assert.True(ClinicalDate.TryParse(shifted.Trim(), out _));
    }

    [Fact]
    public void Shifts_between_one_and_365_days_either_way_and_never_zero()
    {
        var shifts = Enumerable.Range(0, 2000).Select(i => Shift.ShiftDays(new AnonymizationScope("patient-" + i))).ToList();

        Assert.All(shifts, days => Assert.InRange(Math.Abs(days), 1, DateShiftOperator.MaxShiftDays));
        Assert.Contains(shifts, days => days < -300);
        Assert.Contains(shifts, days => days > 300);
        Assert.True(shifts.Distinct().Count() > 500, "shifts should spread over the range");
    }

    [Fact]
    public void Gives_scopes_and_keys_their_own_shift()
    {
        var scope = new AnonymizationScope("patient-17");

        Assert.Equal(Shift.ShiftDays(scope), new DateShiftOperator(TestKeys.A).ShiftDays(new AnonymizationScope("patient-17")));
        Assert.NotEqual(Shift.ShiftDays(scope), Shift.ShiftDays(new AnonymizationScope("patient-18")));
        Assert.NotEqual(Shift.ShiftDays(scope), new DateShiftOperator(TestKeys.B).ShiftDays(scope));
    }

    [Theory]
    [InlineData("2021")]
    [InlineData("last Tuesday")]
    [InlineData("02/30/2021")]
    [InlineData("")]
    public void Replaces_what_it_cannot_read_with_the_label(string value)
    {
        Assert.Equal("[DATE]", Shift.Operate(EntityTypes.Date, value, new AnonymizationScope("p")));
    }

    [Fact]
    public void Rejects_a_short_key()
    {
        Assert.Throws<ArgumentException>(() => new DateShiftOperator(new byte[16]));
    }

    private static DateOnly Parse(string text)
    {
        Assert.True(ClinicalDate.TryParse(text, out var date));
        return date.Date;
    }
}
