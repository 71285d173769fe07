namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>
/// Labels of identifiers no other family claims: generic ids, case, reference, confirmation, order, accession,
/// specimen, encounter and visit numbers, employee and student ids, passports, tax ids. Written for this project.
/// </summary>
internal static class OtherIdLabels
{
    private const double Score = 0.7;

    /// <summary>"ID" and "ref" alone label many things; their values score a little lower.</summary>
    private const double GenericScore = 0.65;

    public static IReadOnlyList<IdentifierLabel> All { get; } =
    [
        new("id", EntityTypes.OtherId, GenericScore, IsWeak: true),
        new("ref", EntityTypes.OtherId, GenericScore, IsWeak: true),
        new("confirmation code", EntityTypes.OtherId, Score),
        .. new[] { "TIN", "EIN", "ITIN", "CSN" }.Select(p => new IdentifierLabel(p, EntityTypes.OtherId, Score, MatchCase: true)),
        .. new[]
        {
            "identifier", "identification", "reference", "case", "confirmation", "ticket", "order", "accession",
            "specimen", "requisition", "encounter", "visit", "employee", "badge", "student", "passport", "patient",
            "tracking", "authorization", "auth", "referral", "voucher", "enrollment", "participant", "subject", "study",
            "sample", "barcode", "tax",
        }.Select(p => new IdentifierLabel(p, EntityTypes.OtherId, Score, IsWeak: true)),
    ];
}
