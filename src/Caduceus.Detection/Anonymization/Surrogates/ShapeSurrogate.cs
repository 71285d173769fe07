namespace Caduceus.Detection.Anonymization.Surrogates;

/// <summary>
/// An identifier of the same shape: each digit becomes another digit (a leading non-zero digit stays non-zero),
/// each letter another letter of the same case, punctuation stays. A leading label such as <c>MRN-</c> or
/// <c>ID# </c> is kept, so <c>MRN-00123456</c> becomes e.g. <c>MRN-48213370</c>.
/// </summary>
internal static class ShapeSurrogate
{
    private const int MaxLabelLength = 5;

    public static string Create(string value, KeyedDraw draw)
    {
        var result = value.ToCharArray();
        var labelEnd = LabelEnd(value);
        for (var i = labelEnd; i < result.Length; i++)
        {
            var c = result[i];
            if (char.IsAsciiDigit(c))
            {
                var startsRun = i == 0 || !char.IsAsciiDigit(value[i - 1]);
                result[i] = startsRun && c != '0' ? draw.NonZeroDigit() : draw.Digit();
            }
            else if (char.IsAsciiLetter(c))
            {
                result[i] = draw.Letter(char.IsAsciiLetterUpper(c));
            }
            else if (char.IsLetterOrDigit(c))
            {
                result[i] = char.IsDigit(c) ? draw.Digit() : draw.Letter(!char.IsLower(c));
            }
        }

        return new string(result);
    }

    /// <summary>End of a leading label: up to five letters, then punctuation or a space, then something with a digit.</summary>
    private static int LabelEnd(string value)
    {
        var letters = 0;
        while (letters < value.Length && char.IsAsciiLetter(value[letters]))
        {
            letters++;
        }

        if (letters == 0 || letters > MaxLabelLength || letters == value.Length)
        {
            return 0;
        }

        var end = letters;
        while (end < value.Length && value[end] is '-' or ':' or '#' or '.' or ' ')
        {
            end++;
        }

        return end > letters && value.AsSpan(end).ContainsAnyInRange('0', '9') ? end : 0;
    }
}
