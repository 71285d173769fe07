namespace Caduceus.LoadTest;

/// <summary>The statistics of a report, kept apart so they can be tested on known numbers.</summary>
internal static class ReportMath
{
    /// <summary>Nearest rank: the smallest latency with at least <paramref name="p"/> of all latencies at or below it; 0 when empty.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Share of requests that failed, from 0 to 1; 0 when there were none.</summary>
    public static double ErrorRate(long requests, long errors) => requests == 0 ? 0 : (double)errors / requests;

    /// <summary>Answered requests per second of the measured window.</summary>
    public static double Throughput(long answered, double seconds) => seconds <= 0 ? 0 : answered / seconds;

    /// <summary>CPU milliseconds per request; 0 when there were none.</summary>
    public static double CpuPerRequest(TimeSpan cpu, long requests) => requests == 0 ? 0 : cpu.TotalMilliseconds / requests;

    /// <summary>The middle value (the mean of the two middle ones for an even count); 0 when empty.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
