using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.HealthPlans;

/// <summary>
/// Finds legacy Medicare health insurance claim numbers (reported as <see cref="EntityTypes.HealthPlanId"/>): nine
/// digits (an SSN, with or without dashes) followed by a beneficiary code letter and an optional digit or letter
/// (<c>123-45-6789A</c>, <c>123456789B1</c>), only with a context word ("HICN", "Medicare", "claim number") nearby.
/// </summary>
public sealed partial class HicnRecognizer : IDetector
{
    private static readonly PatternRecognizer Recognizer = new(
        nameof(HicnRecognizer),
        EntityTypes.HealthPlanId,
        requiredChars: "0123456789",
        [new("HICN pattern of SSN and beneficiary code", Hicn(), 0.5, RequiresContext: true)],
        new ContextWords(
        [
            "hicn", "hic", "hic #", "hic number", "medicare", "medicare #", "medicare number", "medicare id",
            "claim number", "health insurance claim", "railroad", "rrb",
        ]),
        HicnValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    [GeneratedRegex(
        @"(?<![\w-])[0-9]{3}-?[0-9]{2}-?[0-9]{4}-?[A-Za-z][0-9A-Za-z]?(?![\w-])",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Hicn();
}
