using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Licenses;

/// <summary>
/// Finds National Provider Identifiers (reported as <see cref="EntityTypes.License"/>): ten digits starting with 1 or 2
/// with a valid check digit. One ten-digit number in ten passes the check, so without a context word ("NPI",
/// "national provider") the score stays below the usual policy threshold; with one it is high.
/// </summary>
public sealed partial class NpiRecognizer : IDetector
{
    private static readonly PatternRecognizer Recognizer = new(
        nameof(NpiRecognizer),
        EntityTypes.License,
        requiredChars: "12",
        [new("NPI pattern of ten digits", Digits(), 0.4)],
        new ContextWords(["npi", "npi #", "npi number", "national provider", "provider id", "provider number", "prescriber"]),
        NpiValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    [GeneratedRegex(@"(?<![\w+-]|[0-9][.,])[12][0-9]{9}(?![\w-]|[.,][0-9])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Digits();
}
