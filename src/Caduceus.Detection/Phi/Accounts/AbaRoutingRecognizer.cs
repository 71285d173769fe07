using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Accounts;

/// <summary>
/// Finds US bank routing numbers (reported as <see cref="EntityTypes.Account"/>): nine digits with a valid ABA checksum,
/// only when a context word ("routing", "ABA", "RTN") is nearby, since nine bare digits are more often something else.
/// </summary>
public sealed partial class AbaRoutingRecognizer : IDetector
{
    private static readonly PatternRecognizer Recognizer = new(
        nameof(AbaRoutingRecognizer),
        EntityTypes.Account,
        requiredChars: "0123456789",
        [new("routing number pattern of nine digits", Digits(), 0.5, RequiresContext: true)],
        new ContextWords(["routing", "routing number", "routing #", "aba", "rtn", "transit number", "bank routing"]),
        AbaRoutingValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    [GeneratedRegex(@"(?<![\w-]|[0-9][.,])[0-9]{9}(?![\w-]|[.,][0-9])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Digits();
}
