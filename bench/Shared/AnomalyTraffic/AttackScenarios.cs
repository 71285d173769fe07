using Caduceus.Gateway.Anomaly;

namespace Caduceus.Bench.AnomalyTraffic;

/// <summary>
/// The attacks measured against the detector, each on the tenth simulated day (a Wednesday), after nine days of
/// normal traffic have warmed the baselines.
/// </summary>
internal static class AttackScenarios
{
    /// <summary>Wednesday 10:00 clinic time (CDT).</summary>
    public static readonly DateTimeOffset MidMorning = SyntheticClinicTraffic.Start.AddDays(9).AddHours(15);

    /// <summary>Wednesday 02:00 clinic time.</summary>
    public static readonly DateTimeOffset MiddleOfTheNight = SyntheticClinicTraffic.Start.AddDays(9).AddHours(7);

    public static IReadOnlyList<(string Name, IReadOnlyList<RequestObservation> Requests)> All(int seed) =>
    [
        ("enumeration by a clinician's key", SyntheticAttacks.Enumeration(seed, "key_dr_adams", "clinical", MidMorning, 60)),
        ("enumeration by the portal's key", SyntheticAttacks.Enumeration(seed, "key_portal", "portal", MidMorning, 60)),
        ("enumeration by a new key", SyntheticAttacks.Enumeration(seed, "key_new", "clinical", MidMorning, 60)),
        ("extraction by the scheduler's key", SyntheticAttacks.Extraction(seed, "key_scheduler", "scheduling", MidMorning, 300)),
        ("off-hours bulk by the billing key", SyntheticAttacks.OffHoursBulk(seed, "key_billing", "billing", MiddleOfTheNight, 120)),
    ];
}
