using System.Text;

namespace Caduceus.Detection.Tests.Injection.Normalization;

/// <summary>The encodings attackers use, written out so each test states the trick it plays.</summary>
internal static class Smuggle
{
    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Hex(string text) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));

    /// <summary>Hex bytes one by one with a separator, e.g. "69 67 6e".</summary>
    public static string HexBytes(string text, string separator, string prefix = "") =>
        string.Join(separator, Encoding.UTF8.GetBytes(text).Select(b => prefix + b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    public static string Rot13(string text) => new([.. text.Select(c => c switch
    {
        >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
        >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
        _ => c,
    })]);

    /// <summary>ASCII text as Unicode tag characters (U+E0000 + code), invisible in most renderers.</summary>
    public static string InTagCharacters(string ascii) =>
        string.Concat(ascii.Select(c => char.ConvertFromUtf32(0xE0000 + c)));

    /// <summary>
    /// "Emoji smuggling": the UTF-8 bytes of <paramref name="text"/> as variation selectors after
    /// <paramref name="carrier"/>, byte b as VS(b+1): U+FE00 + b below 16, U+E0100 + (b - 16) from 16 on.
    /// </summary>
    public static string InVariationSelectors(string carrier, string text)
    {
        var builder = new StringBuilder(carrier);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            builder.Append(b < 16 ? char.ConvertFromUtf32(0xFE00 + b) : char.ConvertFromUtf32(0xE0100 + b - 16));
        }

        return builder.ToString();
    }

    /// <summary>ASCII letters and digits as their fullwidth forms (U+FF01 + code - 0x21).</summary>
    public static string Fullwidth(string ascii) =>
        new([.. ascii.Select(c => c is > ' ' and <= '~' ? (char)(0xFF01 + c - 0x21) : c)]);
}
