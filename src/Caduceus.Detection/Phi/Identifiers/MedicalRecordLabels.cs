namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>
/// Labels of medical record numbers, for values the MRN recognizer's fixed format does not take
/// ("MRN: 12-345-678", "chart # A-99812-3"). Scored below that recognizer, so on the same span its finding wins.
/// Written for this project.
/// </summary>
internal static class MedicalRecordLabels
{
    private const double Score = 0.8;

    public static IReadOnlyList<IdentifierLabel> All { get; } =
    [
        new("mrn", EntityTypes.Mrn, Score),
        new("MR", EntityTypes.Mrn, Score, IsWeak: true, MatchCase: true),
        .. new[] { "medical record", "record", "chart", "hospital number", "unit number" }
            .Select(p => new IdentifierLabel(p, EntityTypes.Mrn, Score, IsWeak: true)),
    ];
}
