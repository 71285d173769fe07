using Caduceus.Gateway.Anomaly;

namespace Caduceus.Bench.AnomalyTraffic;

/// <summary>Misuse to mix into <see cref="SyntheticClinicTraffic"/>: each a run of requests from one key, oldest first.</summary>
internal static class SyntheticAttacks
{
    /// <summary>One key walking through patient records: every request names another patient, every few seconds.</summary>
    public static IReadOnlyList<RequestObservation> Enumeration(int seed, string keyId, string application, DateTimeOffset start, int count)
    {
        var random = new Random(seed);
        var firstPatient = 100_000 + random.Next(1000);
        return Run(random, start, count, TimeSpan.FromSeconds(6), (time, i) =>
            new RequestObservation(time, keyId, application, null, random.Next(1, 3), SyntheticClinicTraffic.MentionOf(random, firstPatient + i), false, 300 + random.Next(200)));
    }

    /// <summary>Systematic querying that looks like model extraction: a steady stream of long answers, no patients.</summary>
    public static IReadOnlyList<RequestObservation> Extraction(int seed, string keyId, string application, DateTimeOffset start, int count)
    {
        var random = new Random(seed);
        return Run(random, start, count, TimeSpan.FromSeconds(3), (time, _) =>
            new RequestObservation(time, keyId, application, null, 0, [], false, 2500 + random.Next(1500)));
    }

    /// <summary>Bulk use in the middle of the night: many requests about many patients.</summary>
    public static IReadOnlyList<RequestObservation> OffHoursBulk(int seed, string keyId, string application, DateTimeOffset start, int count)
    {
        var random = new Random(seed);
        return Run(random, start, count, TimeSpan.FromSeconds(20), (time, _) =>
            new RequestObservation(time, keyId, application, null, random.Next(1, 5), SyntheticClinicTraffic.MentionOf(random, random.Next(5000)), false, 900 + random.Next(600)));
    }

    private static RequestObservation[] Run(Random random, DateTimeOffset start, int count, TimeSpan meanGap, Func<DateTimeOffset, int, RequestObservation> make)
    {
        var observations = new RequestObservation[count];
        var time = start;
        for (var i = 0; i < count; i++)
        {
            observations[i] = make(time, i);
            time = time.AddSeconds(meanGap.TotalSeconds * (0.5 + random.NextDouble()));
        }

        return observations;
    }
}
