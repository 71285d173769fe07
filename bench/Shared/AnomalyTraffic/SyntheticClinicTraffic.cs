using System.Security.Cryptography;
using System.Text;
using Caduceus.Gateway.Anomaly;

namespace Caduceus.Bench.AnomalyTraffic;

/// <summary>
/// Deterministic synthetic traffic of a mid-sized clinic, written from what clinic use looks like and not tuned to
/// any detector: phone assistant lines (one verified caller per call), a patient-portal chat key serving many
/// patients, and clinicians' assistant keys (a few requests per patient seen, now and then a pasted note full of
/// PHI). Sessions start as a Poisson process shaped by <see cref="ClinicRhythm"/>; refusals are occasional, and
/// sometimes a user retries a refused prompt a few times. Patients are drawn from a population of 5,000 and show up
/// as keyed-hash-like values of their MRN, name and (rarely) SSN.
/// </summary>
internal static class SyntheticClinicTraffic
{
    public static readonly TimeZoneInfo ClinicTimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    /// <summary>A Monday at midnight, clinic time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    private const int PatientPopulation = 5000;

    /// <summary>The simulated practice's opening hours as its anomaly settings would state them.</summary>
    public static ClinicHoursOptions Hours()
    {
        var hours = new ClinicHoursOptions { TimeZone = ClinicTimeZone.Id };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            hours.Hours[day] = "07:00-19:00";
        }

        hours.Hours[DayOfWeek.Saturday] = "08:00-12:00";
        return hours;
    }

    public static IReadOnlyList<ClinicSource> Sources { get; } =
    [
        new("key_phone_1", "phone", 14, 2, 6, TimeSpan.FromSeconds(40), 4, 450, true, 0),
        new("key_phone_2", "phone", 11, 2, 6, TimeSpan.FromSeconds(40), 4, 450, true, 0),
        new("key_phone_3", "phone", 8, 2, 6, TimeSpan.FromSeconds(40), 4, 450, true, 0),
        new("key_portal", "portal", 22, 1, 5, TimeSpan.FromSeconds(60), 3, 600, true, 0),
        new("key_dr_adams", "clinical", 4, 2, 8, TimeSpan.FromMinutes(2), 8, 1400, false, 0.15),
        new("key_dr_baker", "clinical", 3.5, 2, 8, TimeSpan.FromMinutes(2), 8, 1400, false, 0.15),
        new("key_dr_chen", "clinical", 4.5, 2, 8, TimeSpan.FromMinutes(2), 8, 1400, false, 0.15),
        new("key_dr_diaz", "clinical", 3, 2, 8, TimeSpan.FromMinutes(2), 8, 1400, false, 0.15),
        new("key_np_evans", "clinical", 5, 1, 6, TimeSpan.FromMinutes(2), 8, 1200, false, 0.1),
        new("key_np_fox", "clinical", 5, 1, 6, TimeSpan.FromMinutes(2), 8, 1200, false, 0.1),
        new("key_billing", "billing", 6, 1, 4, TimeSpan.FromMinutes(1), 5, 800, false, 0.05),
        new("key_scheduler", "scheduling", 9, 1, 3, TimeSpan.FromSeconds(50), 3, 350, false, 0.05),
    ];

    /// <summary>The first <paramref name="count"/> requests of normal traffic, oldest first.</summary>
    public static IReadOnlyList<RequestObservation> Normal(int seed, int count)
    {
        var random = new Random(seed);
        var observations = new List<RequestObservation>(count + 2048);
        var day = Start;
        while (observations.Count < count)
        {
            var dayOfRequests = new List<RequestObservation>();
            foreach (var source in Sources)
            {
                AddDay(random, source, day, dayOfRequests);
            }

            dayOfRequests.Sort((a, b) => a.Time.CompareTo(b.Time));
            observations.AddRange(dayOfRequests);
            day = day.AddDays(1);
        }

        return observations.Take(count).ToArray();
    }

    /// <summary>One hash-like value per patient and identifier kind, as the audit's keyed hashes would be.</summary>
    public static string PatientValue(int patient, string kind) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{patient}")))[..32];

    /// <summary>The identifying values a mention of <paramref name="patient"/> carries: usually a name, often an MRN.</summary>
    public static string[] MentionOf(Random random, int patient)
    {
        var values = new List<string>(3);
        if (random.NextDouble() < 0.8)
        {
            values.Add(PatientValue(patient, "NAME"));
        }

        if (random.NextDouble() < 0.6 || values.Count == 0)
        {
            values.Add(PatientValue(patient, "MRN"));
        }

        if (random.NextDouble() < 0.05)
        {
            values.Add(PatientValue(patient, "SSN"));
        }

        return values.ToArray();
    }

    private static void AddDay(Random random, ClinicSource source, DateTimeOffset dayStart, List<RequestObservation> into)
    {
        var isDayOff = random.NextDouble() < source.ChanceOfDayOff;
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            var at = dayStart.AddMinutes(minute);
            var intensity = ClinicRhythm.Intensity(TimeZoneInfo.ConvertTime(at, ClinicTimeZone).DateTime);
            if (isDayOff)
            {
                intensity *= 0.05;
            }

            var sessions = Poisson(random, source.PeakSessionsPerHour * intensity / 60.0);
            for (var s = 0; s < sessions; s++)
            {
                AddSession(random, source, at.AddSeconds(random.NextDouble() * 60), into);
            }
        }
    }

    private static void AddSession(Random random, ClinicSource source, DateTimeOffset start, List<RequestObservation> into)
    {
        var patient = random.Next(PatientPopulation);
        var conversation = source.UsesConversations ? "conv_" + random.NextInt64().ToString("x", System.Globalization.CultureInfo.InvariantCulture) : null;
        var requests = random.Next(source.MinRequestsPerSession, source.MaxRequestsPerSession + 1);
        var time = start;
        for (var r = 0; r < requests; r++)
        {
            var pastedNote = source.Application == "clinical" && random.NextDouble() < 0.08;
            var phi = pastedNote ? random.Next(10, 26) : random.Next(0, source.MaxPhiPerRequest + 1);
            var patients = phi == 0 ? [] : MentionOf(random, patient);
            if (pastedNote && random.NextDouble() < 0.3)
            {
                // A note that names a relative or another patient seen together.
                patients = [.. patients, .. MentionOf(random, random.Next(PatientPopulation))];
            }

            var refused = random.NextDouble() < 0.02;
            var tokens = refused ? 0 : (long)(source.MeanTokens * (pastedNote ? 2.5 : 1) * LogNormal(random, 0.5));
            into.Add(new RequestObservation(time, source.KeyId, source.Application, conversation, phi, patients, refused, tokens));
            if (refused && random.NextDouble() < 0.25)
            {
                // The user rephrases and tries again, and is refused again.
                for (var retry = random.Next(1, 4); retry > 0; retry--)
                {
                    time = time.AddSeconds(10 + random.NextDouble() * 30);
                    into.Add(new RequestObservation(time, source.KeyId, source.Application, conversation, phi, patients, true, 0));
                }
            }

            time = time.AddSeconds(-Math.Log(1 - random.NextDouble()) * source.MeanGapBetweenRequests.TotalSeconds + 3);
        }
    }

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    private static double LogNormal(Random random, double sigma)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp((sigma * normal) - (sigma * sigma / 2));
    }
}
