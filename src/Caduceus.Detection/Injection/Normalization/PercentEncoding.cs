using System.Buffers;
using System.Text;

namespace Caduceus.Detection.Injection.Normalization;

/// <summary>%-escapes as in URLs ("ignore%20previous%20instructions"), decoded as UTF-8 without exceptions.</summary>
internal static class PercentEncoding
{
    /// <summary>Offsets of the first and last escape, or (-1, -1) when the text has none.</summary>
    public static (int First, int Last) FindEscapes(ReadOnlySpan<char> text)
    {
        var first = -1;
        var last = -1;
        var from = 0;
        while (true)
        {
            var hit = text[from..].IndexOf('%');
            if (hit < 0)
            {
                return (first, last);
            }

            var at = from + hit;
            if (IsEscape(text, at))
            {
                if (first < 0)
                {
                    first = at;
                }

                last = at;
            }

            from = at + 1;
        }
    }

    /// <summary>The text with every escape replaced by its byte, read as UTF-8 (invalid sequences become U+FFFD).</summary>
    public static string Decode(string text)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = 0;
            var i = 0;
            while (i < text.Length)
            {
                if (IsEscape(text, i))
                {
                    rented[length++] = (byte)((EncodedBytes.HexValue(text[i + 1]) << 4) | EncodedBytes.HexValue(text[i + 2]));
                    i += 3;
                    continue;
                }

                // Copy everything up to the next '%' as UTF-8 in one go.
                var next = text.AsSpan(i + 1).IndexOf('%');
                var end = next < 0 ? text.Length : i + 1 + next;
                length += Encoding.UTF8.GetBytes(text.AsSpan(i, end - i), rented.AsSpan(length));
                i = end;
            }

            return Encoding.UTF8.GetString(rented, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool IsEscape(ReadOnlySpan<char> text, int at) =>
        text[at] == '%' && at + 2 < text.Length && char.IsAsciiHexDigit(text[at + 1]) && char.IsAsciiHexDigit(text[at + 2]);
}
