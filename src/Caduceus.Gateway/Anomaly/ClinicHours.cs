using System.Globalization;

namespace Caduceus.Gateway.Anomaly;

/// <summary>Tells whether a moment falls inside the practice's opening hours, in the practice's time zone.</summary>
internal sealed class ClinicHours
{
    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<DayOfWeek, (TimeSpan Open, TimeSpan Close)> _hours;

    private ClinicHours(TimeZoneInfo zone, Dictionary<DayOfWeek, (TimeSpan Open, TimeSpan Close)> hours)
    {
        _zone = zone;
        _hours = hours;
    }

    /// <summary>Reads the options, or says in one line what is wrong with them.</summary>
    public static bool TryCreate(ClinicHoursOptions options, out ClinicHours? hours, out string? problem)
    {
        hours = null;
        problem = null;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var zone))
        {
            problem = $"Anomaly:ClinicHours:TimeZone '{options.TimeZone}' is not a known time zone.";
            return false;
        }

        var parsed = new Dictionary<DayOfWeek, (TimeSpan, TimeSpan)>();
        foreach (var (day, text) in options.Schedule)
        {
            var parts = text.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !TimeSpan.TryParseExact(parts[0], @"hh\:mm", CultureInfo.InvariantCulture, out var open)
                || !TimeSpan.TryParseExact(parts[1], @"hh\:mm", CultureInfo.InvariantCulture, out var close)
                || close <= open)
            {
                problem = $"Anomaly:ClinicHours:Hours:{day} must be 'HH:mm-HH:mm' with the close after the open.";
                return false;
            }

            parsed[day] = (open, close);
        }

        hours = new ClinicHours(zone, parsed);
        return true;
    }

    public static ClinicHours Create(ClinicHoursOptions options) =>
        TryCreate(options, out var hours, out var problem) ? hours! : throw new ArgumentException(problem, nameof(options));

    public bool IsOpen(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, _zone);
        return _hours.TryGetValue(local.DayOfWeek, out var hours) && local.TimeOfDay >= hours.Open && local.TimeOfDay < hours.Close;
    }
}
