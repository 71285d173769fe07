using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Caduceus.TestModel.Profiles;

/// <summary>
/// What a capable but naive model "understands" from a text: it sees through the tricks attackers use to slip
/// past filters (zero-width characters, look-alike letters, leetspeak, base64), as a real LLM does.
/// </summary>
internal static partial class NaiveReading
{
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['а'] = 'a',
        ['е'] = 'e',
        ['о'] = 'o',
        ['р'] = 'p',
        ['с'] = 'c',
        ['у'] = 'y',
        ['х'] = 'x',
        ['і'] = 'i',
        ['ѕ'] = 's',
        ['ј'] = 'j',
        ['ԁ'] = 'd',
        ['ɡ'] = 'g',
        ['ո'] = 'n',
        ['ı'] = 'i',
    };

    private static readonly Dictionary<char, char> Leet = new()
    {
        ['4'] = 'a',
        ['@'] = 'a',
        ['3'] = 'e',
        ['1'] = 'i',
        ['!'] = 'i',
        ['0'] = 'o',
        ['5'] = 's',
        ['$'] = 's',
        ['7'] = 't',
    };

    /// <summary>The text with tricks undone, lower-cased; decoded base64 and the de-leeted reading are appended.</summary>
    public static string Understand(string text)
    {
        var plain = Plain(text);
        var builder = new StringBuilder(plain).Append('\n');
        foreach (Match token in Base64Token().Matches(text))
        {
            if (TryDecodeBase64(token.Value) is { } decoded)
            {
                builder.Append(Plain(decoded)).Append('\n');
            }
        }

        foreach (var c in plain)
        {
            builder.Append(Leet.GetValueOrDefault(c, c));
        }

        return builder.ToString();
    }

    /// <summary>Zero-width and formatting characters removed, look-alikes mapped to Latin, compatibility forms folded.</summary>
    public static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            builder.Append(LookAlikes.GetValueOrDefault(lower, lower));
        }

        return builder.ToString();
    }

    private static string? TryDecodeBase64(string token)
    {
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(token.Length)];
        if (!Convert.TryFromBase64String(token, bytes, out var written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    [GeneratedRegex("[A-Za-z0-9+/]{16,}={0,2}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Base64Token();
}
