using System.Buffers;
using System.Text.RegularExpressions;
using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Accounts;

/// <summary>
/// Finds payment card numbers (reported as <see cref="EntityTypes.Account"/>): 13-19 digits written bare or in the
/// groups cards print (<c>4111 1111 1111 1111</c>, <c>4111-1111-1111-1111</c>, Amex <c>3782 822463 10005</c>), that pass
/// the Luhn check and start with a known issuer range. Context words ("card", "visa", "cc") raise the score.
/// </summary>
public sealed partial class PaymentCardRecognizer : IDetector
{
    // Not part of a longer token or number: no letter, digit or '-' glued on, not the decimals of a number.
    private const string NotAfterToken = @"(?<![\w-]|[0-9][.,])";
    private const string NotBeforeToken = @"(?![\w-]|[.,][0-9])";

    // A card has 13-19 digits; a run of more may still end in a card followed by a quantity ("... 1111 500 mg"), but
    // a run of hundreds of digits is no card and not worth four regexes.
    private const int MinDigits = 13;
    private const int MaxDigits = 40;

    private static readonly SearchValues<char> GroupSeparators = SearchValues.Create(" -");

    private static readonly PatternRecognizer Recognizer = new(
        nameof(PaymentCardRecognizer),
        EntityTypes.Account,
        requiredChars: "0123456789",
        [
            new("payment card pattern in groups of four", FourGroups(), 0.8),
            new("payment card pattern in groups of four and three", FourGroupsAndThree(), 0.8),
            new("payment card pattern in 4-6-5 or 4-6-4 groups", AmexGroups(), 0.8),
            new("payment card pattern of bare digits", Bare(), 0.65),
        ],
        new ContextWords(
        [
            "card", "credit card", "debit card", "card number", "card #", "cc", "cc#", "visa", "mastercard", "master card",
            "amex", "american express", "discover", "diners", "jcb", "payment", "pay with", "charge",
        ]),
        PaymentCardValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);

        // Four regexes over every digit of a clinical note cost more than one pass that looks for 13 digits in a row.
        if (DigitRuns.Any(input.Text, MinDigits, MaxDigits, GroupSeparators, maxJoin: 1))
        {
            Recognizer.Detect(input, findings);
        }
    }

    // 4111 1111 1111 1111, one separator throughout. Digits after it ("... 1111 500 mg") do not stop the match: the
    // 19-digit form is a pattern of its own, so a quantity after a 16-digit card cannot spoil the card.
    [GeneratedRegex(
        NotAfterToken + "[0-9]{4}(?<s>[ -])[0-9]{4}\\k<s>[0-9]{4}\\k<s>[0-9]{4}" + NotBeforeToken,
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex FourGroups();

    // 6011 0000 0000 0000 123: 19-digit cards.
    [GeneratedRegex(
        NotAfterToken + "[0-9]{4}(?<s>[ -])[0-9]{4}\\k<s>[0-9]{4}\\k<s>[0-9]{4}\\k<s>[0-9]{3}" + NotBeforeToken,
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex FourGroupsAndThree();

    // 3782 822463 10005 (Amex), 3056 930902 5904 (Diners).
    [GeneratedRegex(
        NotAfterToken + "[0-9]{4}(?<s>[ -])[0-9]{6}\\k<s>[0-9]{4,5}" + NotBeforeToken,
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex AmexGroups();

    [GeneratedRegex(NotAfterToken + "[0-9]{13,19}" + NotBeforeToken, DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Bare();
}
