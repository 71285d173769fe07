namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>
/// Reports tokens that mix letters and digits the way identifiers do (<c>XJH123456789</c>, <c>4482-AX-19</c>,
/// <c>AB12C345</c>) as <see cref="EntityTypes.OtherId"/> with a low score, when no label says what they are: at least
/// six letters and digits, three of them digits, and not a quantity, ordinal or date (<c>500mg</c>, <c>2x500mg</c>,
/// <c>15Jan2024</c>). Labelled values score higher in <see cref="LabelledIdentifierRecognizer"/> and the format
/// recognizers, and win on the same span. Scans from each digit outwards, so text without digits costs one vectorized
/// pass.
/// </summary>
public sealed class AlphanumericIdRecognizer : IDetector
{
    /// <summary>Below the usual policy threshold: visible to policy and evaluation, not redacted by default.</summary>
    public const double Score = 0.35;

    private const int MinCharacters = 6;
    private const int MaxLength = 40;

    /// <inheritdoc />
    public string Name => nameof(AlphanumericIdRecognizer);

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);

        var text = input.Text.AsSpan();
        var i = 0;
        while (i < text.Length)
        {
            var digit = text[i..].IndexOfAnyInRange('0', '9');
            if (digit < 0)
            {
                return;
            }

            var start = TokenStart(text, i + digit, i);
            var end = TokenEnd(text, i + digit);
            if (Qualifies(text, start, end))
            {
                findings.Add(new Finding(
                    EntityTypes.OtherId,
                    FindingCategory.Phi,
                    start,
                    end - start,
                    Score,
                    Name,
                    "letters and digits mixed like an identifier, no label"));
            }

            i = end;
        }
    }

    // Letters, digits and single dashes between them ("4482-AX-19"). Never goes back past the previous token's end.
    private static int TokenStart(ReadOnlySpan<char> text, int at, int floor)
    {
        var start = at;
        while (start > floor
            && (char.IsAsciiLetterOrDigit(text[start - 1])
                || (text[start - 1] == '-' && start - 2 >= floor && char.IsAsciiLetterOrDigit(text[start - 2]))))
        {
            start--;
        }

        return start;
    }

    private static int TokenEnd(ReadOnlySpan<char> text, int at)
    {
        var end = at;
        while (end < text.Length
            && (char.IsAsciiLetterOrDigit(text[end])
                || (text[end] == '-' && end + 1 < text.Length && char.IsAsciiLetterOrDigit(text[end + 1]))))
        {
            end++;
        }

        return end;
    }

    private static bool Qualifies(ReadOnlySpan<char> text, int start, int end)
    {
        if (end - start > MaxLength || !StandsAlone(text, start, end))
        {
            return false;
        }

        var token = text[start..end];
        var digits = 0;
        var letters = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
            }
        }

        return digits >= 3
            && letters >= 1
            && digits + letters >= MinCharacters
            && (letters >= 2 || digits >= 5)
            && !IdentifierValue.IsQuantity(token)
            && !IdentifierValue.IsGravidaPara(token);
    }

    // Not a piece of a URL, path, e-mail, decimal number, time or non-ASCII word: nothing but white space and plain
    // punctuation around it.
    private static bool StandsAlone(ReadOnlySpan<char> text, int start, int end)
    {
        if (start > 0)
        {
            var before = text[start - 1];
            if (char.IsLetterOrDigit(before) || before is '.' or '/' or '\\' or '@' or '_' or ':' or '=' or '&' or '-' or '+')
            {
                return false;
            }
        }

        if (end < text.Length)
        {
            var after = text[end];
            var next = end + 1 < text.Length ? text[end + 1] : ' ';
            if (char.IsLetterOrDigit(after) || after is '@' or '_' or '\\' or '-'
                || (after is '.' or '/' or ':' && char.IsLetterOrDigit(next)))
            {
                return false;
            }
        }

        return true;
    }
}
