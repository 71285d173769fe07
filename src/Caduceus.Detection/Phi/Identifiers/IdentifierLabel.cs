namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>
/// A word or phrase that announces an identifier of one type when it labels a value: "member" in
/// <c>Member ID: XJH123456789</c>, "acct" in <c>acct # 0012-3345</c>.
/// </summary>
/// <param name="Phrase">
/// Lower-case word or phrase, matched case-insensitively as a whole word; written as it must appear when
/// <paramref name="MatchCase"/> is set. It appears in explanations as written here.
/// </param>
/// <param name="EntityType">One of <see cref="EntityTypes"/>: the type of the value it labels.</param>
/// <param name="Score">Score of a well-formed value right after the label; the reader lowers it for weaker evidence.</param>
/// <param name="IsWeak">
/// True for words that label many things besides identifiers ("policy", "case", "serial", "group"): a value counts
/// only after an id marker ("#", "no.", "number", "id") or when it is shaped like an identifier by itself.
/// </param>
/// <param name="MatchCase">True for abbreviations that are ordinary words or units in lower case ("DL" and dL, "SN").</param>
/// <param name="ReadValue">
/// Reads values of a form this label's values take and the generic reader (<see cref="IdentifierValue.TryRead"/>) does
/// not, tried first: a licence plate in two groups ("QNC 3657", "519 SYF"). Null for none.
/// </param>
internal sealed record IdentifierLabel(
    string Phrase,
    string EntityType,
    double Score,
    bool IsWeak = false,
    bool MatchCase = false,
    IdentifierValueReader? ReadValue = null);
