namespace Caduceus.Detection.Phi.Dates;

/// <summary>Calendar rules for the parts of a written date; a part that was not written is 0.</summary>
internal static class CalendarDate
{
    /// <summary>Earliest four-digit year taken as a date (birth dates of the oldest living people and their parents).</summary>
    public const int MinimumYear = 1850;

    /// <summary>Latest four-digit year taken as a date (follow-ups and expiry dates are in the future).</summary>
    public const int MaximumYear = 2100;

    /// <summary>
    /// True when <paramref name="day"/> exists in <paramref name="month"/> of <paramref name="year"/>. Without a year,
    /// February 29 is allowed. A two-digit year (below 100) is checked as a year of the 1900s or 2000s, whichever fits.
    /// </summary>
    public static bool IsValid(int year, int month, int day)
    {
        if (month is < 1 or > 12)
        {
            return false;
        }

        if (year >= 100 && year is < MinimumYear or > MaximumYear)
        {
            return false;
        }

        if (day == 0)
        {
            return true;
        }

        var leap = year == 0 || (year < 100 ? DateTime.IsLeapYear(2000 + year) || DateTime.IsLeapYear(1900 + year) : DateTime.IsLeapYear(year));
        var days = month == 2 ? (leap ? 29 : 28) : DateTime.DaysInMonth(2001, month);
        return day >= 1 && day <= days;
    }
}
