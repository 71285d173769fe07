using System.Buffers;
using System.Text;

namespace Caduceus.Detection.Anonymization.Surrogates;

/// <summary>
/// Another address of the same make-up, part by comma-separated part: a street line (<c>12 Elm St</c>) becomes
/// another number of as many digits on a generic street, a town another town, a state abbreviation stays (states are
/// not identifying under Safe Harbor) and ZIP digits become other digits. A bare ZIP code becomes another ZIP code.
/// </summary>
internal static class AddressSurrogate
{
    private static readonly SearchValues<char> ZipCharacters = SearchValues.Create(" -0123456789");

    public static string Create(string value, KeyedDraw draw)
    {
        var result = new StringBuilder(value.Length + 8);
        var parts = value.Split(',');
        for (var p = 0; p < parts.Length; p++)
        {
            if (p > 0)
            {
                result.Append(',');
            }

            var part = parts[p];
            var trimmed = part.AsSpan().Trim();
            var lead = part.Length - part.AsSpan().TrimStart().Length;
            result.Append(part, 0, lead);
            result.Append(Part(trimmed.ToString(), draw));
            result.Append(part, lead + trimmed.Length, part.Length - lead - trimmed.Length);
        }

        return result.ToString();
    }

    private static string Part(string part, KeyedDraw draw)
    {
        if (part.Length == 0)
        {
            return part;
        }

        if (!part.Any(char.IsLetter))
        {
            return Digits(part, draw);
        }

        if (char.IsAsciiDigit(part[0]))
        {
            var houseDigits = part.TakeWhile(char.IsAsciiDigit).Count();
            var house = new StringBuilder().Append(draw.NonZeroDigit());
            for (var i = 1; i < houseDigits; i++)
            {
                house.Append(draw.Digit());
            }

            return NameSurrogate.Cased($"{house} {draw.Pick(SurrogateWords.StreetNames)} {draw.Pick(SurrogateWords.StreetSuffixes)}", part);
        }

        // "MA" or "MA 02115": the state stays, the ZIP changes.
        if (part.Length >= 2 && char.IsAsciiLetterUpper(part[0]) && char.IsAsciiLetterUpper(part[1]) && (part.Length == 2 || part[2] == ' ') && !part.AsSpan(2).ContainsAnyExcept(ZipCharacters))
        {
            return string.Concat(part.AsSpan(0, 2), Digits(part[2..], draw));
        }

        return NameSurrogate.Cased(draw.Pick(SurrogateWords.Towns), part);
    }

    private static string Digits(string text, KeyedDraw draw) =>
        string.Create(text.Length, (text, draw), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.text[i];
                span[i] = char.IsAsciiDigit(c) ? state.draw.Digit() : c;
            }
        });
}
