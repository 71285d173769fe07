namespace Caduceus.Gateway.Anomaly;

/// <summary>When the practice is open, in its own time zone; use outside these hours counts as off-hours.</summary>
public sealed class ClinicHoursOptions
{
    /// <summary>An IANA (or Windows) time zone id, e.g. <c>America/Chicago</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Opening hours by day as <c>HH:mm-HH:mm</c>; a day not listed is closed. Monday to Friday 07:00-19:00 when empty.</summary>
    public Dictionary<DayOfWeek, string> Hours { get; set; } = [];

    /// <summary>The configured hours, or the weekday default.</summary>
    public IReadOnlyDictionary<DayOfWeek, string> Schedule => Hours.Count > 0
        ? Hours
        : new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(day => day, _ => "07:00-19:00");
}
