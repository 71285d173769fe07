using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Licenses;

/// <summary>
/// Finds DEA registration numbers (reported as <see cref="EntityTypes.License"/>): two letters and seven digits
/// (<c>AB1234563</c>) with a registrant-type first letter and a valid check digit; a failing check digit is reported
/// only when a context word ("DEA") is nearby.
/// </summary>
public sealed partial class DeaRecognizer : IDetector
{
    private static readonly PatternRecognizer Recognizer = new(
        nameof(DeaRecognizer),
        EntityTypes.License,
        requiredChars: "0123456789",
        [new("DEA number pattern", Dea(), 0.6)],
        new ContextWords(["dea", "dea #", "dea number", "dea no", "dea registration", "prescriber"]),
        DeaValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    [GeneratedRegex(@"(?<![\w-])[A-Za-z][A-Za-z9][0-9]{7}(?![\w-])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Dea();
}
