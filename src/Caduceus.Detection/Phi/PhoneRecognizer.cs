using System.Buffers;
using System.Text.RegularExpressions;
using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi;

/// <summary>
/// Finds US and Canadian (NANP) phone and fax numbers: <c>(555) 234-5678</c>, <c>555-234-5678</c>, <c>555.234.5678</c>,
/// <c>555 234 5678</c>, <c>+1 555 234 5678</c>, <c>1-555-234-5678</c>, with an optional extension, and ten bare digits
/// when a context word ("call", "phone", "cell", "fax") is nearby. The area code must start with 2-9; an exchange
/// starting with 0 or 1 (<c>555-123-4567</c>) is still reported, with a lower score. A number whose closest context word
/// is a fax word ("fax", "f:", "facsimile", "telefax"), or that is followed by "(fax)", is reported as
/// <see cref="EntityTypes.Fax"/> instead of <see cref="EntityTypes.Phone"/>: one finding per number, never both.
/// </summary>
public sealed partial class PhoneRecognizer : IDetector
{
    private const string Extension = "(?:[ ]?(?i:x|ext[.]?|extension)[ ]?[0-9]{1,5})?";

    // Not part of a longer token or number: no letter, digit, '+', '-' or decimal point glued on either side,
    // and not the tail of a run of digit groups ("44 555 123 4567").
    private const string NotAfterToken = @"(?<![\w+-]|[0-9][ .,])";
    private const string NotBeforeToken = @"(?![\w-]|[.,][0-9])";

    // A phone number has ten digits in groups joined by at most two of these: "(555) 234-5678", "+1 555.234.5678".
    private const int MinDigits = 10;

    private static readonly SearchValues<char> GroupSeparators = SearchValues.Create(" -.()+");

    // Words that make the number a fax number when they are the closest context word before it.
    private static readonly string[] FaxWords = ["fax", "fax #", "fax no", "fax number", "f:", "facsimile", "telefax"];

    private static readonly ContextWords Context = new(
    [
        "call", "phone", "telephone", "tel", "ph", "cell", "cellphone", "mobile", "text me", "reach me at", "contact",
        "pager", "beeper", "t:", "p:", "m:", "c:", "h:", "w:", .. FaxWords,
    ]);

    private static readonly PatternRecognizer Recognizer = new(
        nameof(PhoneRecognizer),
        EntityTypes.Phone,
        requiredChars: "0123456789",
        [
            new("phone pattern with separators", Formatted(), 0.65),
            new("phone pattern in international form", International(), 0.6),
            new("phone pattern of bare digits", Bare(), 0.35, RequiresContext: true),
        ],
        Context,
        NanpValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);

        // Three regexes over every digit of a clinical note cost more than one pass that looks for ten digits in a row.
        if (!DigitRuns.Any(input.Text, MinDigits, int.MaxValue, GroupSeparators, maxJoin: 2))
        {
            return;
        }

        var first = findings.Count;
        Recognizer.Detect(input, findings);
        for (var i = first; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (IsFaxWordClosestBefore(input.Text, finding.Start))
            {
                findings[i] = finding with { EntityType = EntityTypes.Fax };
            }
            else if (FaxLabelAfter().IsMatch(input.Text.AsSpan(finding.End)))
            {
                findings[i] = finding with { EntityType = EntityTypes.Fax, Explanation = finding.Explanation + ", labelled fax after the number" };
            }
        }
    }

    private static bool IsFaxWordClosestBefore(string text, int start)
    {
        var word = Context.FindBefore(text, start).Word;
        return word is not null && Array.IndexOf(FaxWords, word) >= 0;
    }

    // (555) 234-5678, 555-234-5678, 555.234.5678, 555 234 5678, +1 555 234 5678, 1-555-234-5678, +1 (555) 234-5678.
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

    // "555-234-5678 (fax)" or "[F]": a label in brackets right after the number. A bare "fax" after a number is left
    // alone: in "555-234-5678 fax 555-234-9999" it belongs to the second number.
    [GeneratedRegex(@"\A[ ]?[(\[](?i:fax|f|facsimile|telefax)[)\]]", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex FaxLabelAfter();
}
