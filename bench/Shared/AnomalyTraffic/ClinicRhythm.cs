namespace Caduceus.Bench.AnomalyTraffic;

/// <summary>
/// How busy a clinic is by local hour and day: a burst when it opens at 8, a lunch dip, a quiet evening, on-call
/// trickles at night, a short Saturday morning and an almost empty Sunday. Relative to a weekday peak of 1.
/// </summary>
internal static class ClinicRhythm
{
    private static readonly double[] Weekday =
    [
        0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.35, // 00-07
        1.0, 0.85, 0.8, 0.75, 0.45, 0.7, 0.75, 0.7,     // 08-15
        0.6, 0.35, 0.12, 0.06, 0.04, 0.03, 0.02, 0.01,  // 16-23
    ];

    private static readonly double[] Saturday =
    [
        0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.1,
        0.35, 0.35, 0.3, 0.25, 0.1, 0.03, 0.02, 0.02,
        0.02, 0.02, 0.02, 0.02, 0.02, 0.01, 0.01, 0.01,
    ];

    public static double Intensity(DateTime localTime) => localTime.DayOfWeek switch
    {
        DayOfWeek.Sunday => 0.015,
        DayOfWeek.Saturday => Saturday[localTime.Hour],
        _ => Weekday[localTime.Hour],
    };
}
