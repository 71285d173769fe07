using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.HealthPlans;

/// <summary>
/// Finds Medicare Beneficiary Identifiers (reported as <see cref="EntityTypes.HealthPlanId"/>) in the exact CMS format:
/// 11 characters, <c>1EG4-TE5-MK73</c> or <c>1EG4TE5MK73</c>: a digit 1-9, a letter, a letter or digit, a digit, a
/// letter, a letter or digit, a digit, two letters, two digits, where letters exclude S, L, O, I, B and Z. The format
/// alone is specific enough to report; context ("MBI", "Medicare") raises the score.
/// </summary>
public sealed partial class MbiRecognizer : IDetector
{
    // CMS letters: A-Z without S, L, O, I, B, Z.
    private const string L = "[AC-HJKMNP-RT-Y]";
    private const string Lx = "[AC-HJKMNP-RT-Y0-9]";

    private static readonly PatternRecognizer Recognizer = new(
        nameof(MbiRecognizer),
        EntityTypes.HealthPlanId,
        requiredChars: "123456789",
        [new("Medicare MBI pattern", Mbi(), 0.8)],
        new ContextWords(
        [
            "mbi", "medicare", "medicare id", "medicare number", "medicare beneficiary identifier", "beneficiary",
            "medicare card", "member id",
        ]),
        validator: null);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    [GeneratedRegex(
        @"(?<![\w-])[1-9]" + L + Lx + "[0-9][- ]?" + L + Lx + "[0-9][- ]?" + L + L + "[0-9]{2}" + @"(?![\w-])",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Mbi();
}
