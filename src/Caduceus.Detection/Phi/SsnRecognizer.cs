using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi;

/// <summary>
/// Finds US Social Security numbers: <c>123-45-6789</c>, <c>123 45 6789</c>, and nine bare digits when a context word
/// ("SSN", "social security") is nearby. Numbers the SSA never issues (area 000, 666, 900-999; group 00; serial 0000)
/// are rejected; well-known advertising numbers are reported with a low score.
/// </summary>
public sealed partial class SsnRecognizer : IDetector
{
    // Not part of a longer token: no letter, digit, '_' or '-' glued on either side.
    private const string NotAfterToken = @"(?<![\w-])";
    private const string NotBeforeToken = @"(?![\w-])";

    private static readonly PatternRecognizer Recognizer = new(
        nameof(SsnRecognizer),
        EntityTypes.Ssn,
        requiredChars: "0123456789",
        [
            new("SSN pattern with dashes", Dashed(), 0.85),
            new("SSN pattern with spaces", Spaced(), 0.6),
            new("SSN pattern of bare digits", Bare(), 0.4, RequiresContext: true),
        ],
        new ContextWords(["ssn", "ss#", "social security", "social"]),
        SsnValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    [GeneratedRegex(NotAfterToken + "[0-9]{3}-[0-9]{2}-[0-9]{4}" + NotBeforeToken, DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Dashed();

    // Not the tail of a longer run of spaced digit groups either ("12 123 45 6789").
    [GeneratedRegex(@"(?<![\w-]|[0-9] )[0-9]{3} [0-9]{2} [0-9]{4}(?![\w-]| [0-9])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Spaced();

    // Not the decimals or integer part of a number ("3.123456789").
    [GeneratedRegex(@"(?<![\w-]|[0-9][.,])[0-9]{9}(?![\w-]|[.,][0-9])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Bare();
}
