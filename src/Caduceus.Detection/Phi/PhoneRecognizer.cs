using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi;

/// <summary>
/// Finds US and Canadian (NANP) phone numbers: <c>(555) 123-4567</c>, <c>555-123-4567</c>, <c>555.123.4567</c>,
/// <c>555 123 4567</c>, <c>+1 555 123 4567</c>, <c>1-555-123-4567</c>, with an optional extension, and ten bare digits
/// when a context word ("call", "phone", "cell") is nearby. Area code and exchange must start with 2-9.
/// </summary>
public sealed partial class PhoneRecognizer : IDetector
{
    private const string Extension = "(?:[ ]?(?i:x|ext[.]?|extension)[ ]?[0-9]{1,5})?";

    // Not part of a longer token or number: no letter, digit, '+', '-' or decimal point glued on either side,
    // and not the tail of a run of digit groups ("44 555 123 4567").
    private const string NotAfterToken = @"(?<![\w+-]|[0-9][ .,])";
    private const string NotBeforeToken = @"(?![\w-]|[.,][0-9])";

    private static readonly PatternRecognizer Recognizer = new(
        nameof(PhoneRecognizer),
        EntityTypes.Phone,
        requiredChars: "0123456789",
        [
            new("phone pattern with separators", Formatted(), 0.65),
            new("phone pattern in international form", International(), 0.6),
            new("phone pattern of bare digits", Bare(), 0.35, RequiresContext: true),
        ],
        new ContextWords(
        [
            "call", "phone", "telephone", "tel", "cell", "cellphone", "mobile", "fax", "text me", "reach me at",
            "contact", "pager",
        ]),
        NanpValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    // (555) 123-4567, 555-123-4567, 555.123.4567, 555 123 4567, +1 555 123 4567, 1-555-123-4567, +1 (555) 123-4567.
    [GeneratedRegex(
        NotAfterToken + @"(?:\+?1[-. ]?)?(?:\([0-9]{3}\)[-. ]?|[0-9]{3}[-. ])[0-9]{3}[-. ][0-9]{4}" + Extension + NotBeforeToken,
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Formatted();

    // +15551234567 (E.164).
    [GeneratedRegex(NotAfterToken + @"\+1[0-9]{10}" + Extension + NotBeforeToken, DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex International();

    // 5551234567 or 15551234567: only with context.
    [GeneratedRegex(NotAfterToken + "1?[0-9]{10}" + Extension + NotBeforeToken, DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Bare();
}
