using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Licenses;

/// <summary>
/// Labels of certificate and licence numbers: clinicians' NPI, DEA, UPIN and state licences, driver's licences
/// ("DL", "driver's license"), certificates and permits. Written for this project.
/// </summary>
internal static class LicenseLabels
{
    private const double Score = 0.8;

    public static IReadOnlyList<IdentifierLabel> All { get; } =
    [
        .. new[] { "npi", "dea", "upin", "lic", "clia" }.Select(p => new IdentifierLabel(p, EntityTypes.License, Score)),
        new("DL", EntityTypes.License, Score, MatchCase: true),
        .. new[] { "license", "licence", "certificate", "cert", "certification", "permit" }
            .Select(p => new IdentifierLabel(p, EntityTypes.License, Score, IsWeak: true)),
    ];
}
