using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Accounts;

/// <summary>
/// Finds International Bank Account Numbers (reported as <see cref="EntityTypes.Account"/>), written in one piece or in
/// the printed groups of four (<c>DE89 3704 0044 0532 0130 00</c>). The country's registered length and the mod-97 check
/// must hold, so a match is almost never a coincidence.
/// </summary>
public sealed partial class IbanRecognizer : IDetector
{
    private static readonly PatternRecognizer Recognizer = new(
        nameof(IbanRecognizer),
        EntityTypes.Account,
        requiredChars: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [new("IBAN pattern", Iban(), 0.85)],
        new ContextWords(["iban", "bank account", "account", "acct", "bank", "transfer", "wire", "sepa"]),
        IbanValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    // Country code, check digits, then 11-30 characters in groups of four (the last group may be shorter). Upper case
    // only, so an ordinary word after the number is never taken for its last group. The "no '-' before" check follows
    // the fixed four-character head: a leading lookbehind would stop the vectorized search for the head.
    [GeneratedRegex(
        @"\b[A-Z]{2}[0-9]{2}(?<!-[A-Z]{2}[0-9]{2})(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\w-])",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Iban();
}
