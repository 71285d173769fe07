using Caduceus.Gateway.Anomaly;

namespace Caduceus.Gateway.Tests.Anomaly;

public sealed class ClinicHoursTests
{
    [Theory]
    [InlineData("2026-03-11T14:59:00Z", true)]   // Wednesday 09:59 in Chicago (CDT)
    [InlineData("2026-03-11T11:30:00Z", false)]  // Wednesday 06:30
    [InlineData("2026-03-12T00:00:00Z", false)]  // Wednesday 19:00: closed from the hour
    [InlineData("2026-03-14T16:00:00Z", true)]   // Saturday 11:00
    [InlineData("2026-03-14T18:00:00Z", false)]  // Saturday 13:00
    [InlineData("2026-03-15T16:00:00Z", false)]  // Sunday
    public void Opening_hours_are_read_in_the_practice_s_time_zone(string utc, bool open)
    {
        var options = new ClinicHoursOptions { TimeZone = "America/Chicago" };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            options.Hours[day] = "07:00-19:00";
        }

        options.Hours[DayOfWeek.Saturday] = "08:00-12:00";

        Assert.Equal(open, ClinicHours.Create(options).IsOpen(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Without_hours_the_practice_is_open_on_weekdays_from_seven_to_seven_utc()
    {
        var hours = ClinicHours.Create(new ClinicHoursOptions());

        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 3, 11, 7, 0, 0, TimeSpan.Zero)));
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 3, 11, 19, 0, 0, TimeSpan.Zero)));
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("Mars/Olympus", "07:00-19:00", "TimeZone")]
    [InlineData("UTC", "19:00-07:00", "Hours:Monday")]
    [InlineData("UTC", "7am-7pm", "Hours:Monday")]
    public void Bad_settings_are_refused_with_a_message_naming_the_setting(string zone, string monday, string expected)
    {
        var options = new ClinicHoursOptions { TimeZone = zone, Hours = { [DayOfWeek.Monday] = monday } };

        Assert.False(ClinicHours.TryCreate(options, out _, out var problem));
        Assert.Contains("Anomaly:ClinicHours:" + expected, problem, StringComparison.Ordinal);
    }
}
