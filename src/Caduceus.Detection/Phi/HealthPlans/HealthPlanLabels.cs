using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.HealthPlans;

/// <summary>
/// Labels of health plan beneficiary numbers: member, subscriber, policy and group ids, Medicare and Medicaid numbers,
/// and insurer names used as labels ("BCBS ID", "Aetna #"). Written for this project.
/// </summary>
internal static class HealthPlanLabels
{
    private const double Score = 0.85;

    public static IReadOnlyList<IdentifierLabel> All { get; } =
    [
        .. Strong("mbi", "hicn", "hic", "plan id", "plan #", "plan number", "grp #", "medicaid id", "medicare id"),
        new("CIN", EntityTypes.HealthPlanId, Score, MatchCase: true),
        .. Weak(
            "member", "mbr", "subscriber", "policy", "group", "beneficiary", "insurance", "insured", "coverage",
            "health plan", "medicaid", "medicare", "medi-cal", "tricare", "champva", "bcbs", "blue cross", "blue shield",
            "anthem", "aetna", "cigna", "humana", "kaiser", "uhc", "united healthcare", "unitedhealthcare", "molina",
            "wellcare", "highmark", "amerigroup", "caresource", "emblemhealth", "fidelis", "health net", "ambetter"),
    ];

    private static IEnumerable<IdentifierLabel> Strong(params string[] phrases) =>
        phrases.Select(p => new IdentifierLabel(p, EntityTypes.HealthPlanId, Score));

    private static IEnumerable<IdentifierLabel> Weak(params string[] phrases) =>
        phrases.Select(p => new IdentifierLabel(p, EntityTypes.HealthPlanId, Score, IsWeak: true));
}
