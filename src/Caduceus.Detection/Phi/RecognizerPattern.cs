using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi;

/// <summary>One way an entity is written, with the confidence a bare match of it deserves.</summary>
/// <param name="Description">Names the form in explanations, e.g. "SSN pattern with dashes". Never a value.</param>
/// <param name="Regex">A source-generated regex with a match timeout.</param>
/// <param name="Score">Base score in [0, 1] before context and validation adjust it.</param>
/// <param name="RequiresContext">
/// True for forms too ambiguous to report on their own (nine bare digits): without a context word nearby, no finding.
/// </param>
/// <param name="Validator">
/// Checks candidates of this form only, in place of the recognizer's validator; null uses the recognizer's. Lets one
/// recognizer validate differently written forms (a numeric date and a date with a month name) by their own rules.
/// </param>
/// <param name="Precheck">
/// A cheap test that rules out texts the regex cannot match ("no '.com' anywhere"); null scans every text. For regexes
/// whose first character is common (a letter), where the regex's own search for a starting point is slow.
/// </param>
/// <param name="Anchor">
/// Where matches can start, for a <c>\G</c> pattern: tried only where the anchor says a match may start (the start of
/// an anchor character's token run, <see cref="RegexAnchor"/>; a listed word, <see cref="WordListAnchor"/>). Null lets
/// the regex search the whole text.
/// </param>
internal sealed record RecognizerPattern(
    string Description,
    Regex Regex,
    double Score,
    bool RequiresContext = false,
    CandidateValidator? Validator = null,
    TextPrecheck? Precheck = null,
    IPatternAnchor? Anchor = null);
