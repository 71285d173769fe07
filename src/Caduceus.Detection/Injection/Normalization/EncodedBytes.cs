namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// Decodes base64 and hexadecimal text into bytes without exceptions or allocation: the caller gives the buffer, and
/// characters outside the alphabet are skipped rather than rejected (the scanner has already chosen the run).
/// </summary>
internal static class EncodedBytes
{
    // Base64 digit values for standard (+ /) and URL-safe (- _) alphabets; -1 elsewhere.
    private static ReadOnlySpan<sbyte> Base64Values =>
    [
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 62, -1, 62, -1, 63,
        52, 53, 54, 55, 56, 57, 58, 59, 60, 61, -1, -1, -1, -1, -1, -1,
        -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
        15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, -1, -1, -1, -1, 63,
        -1, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
        41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, -1, -1, -1, -1, -1,
    ];

    /// <summary>Bytes that <paramref name="digits"/> base64 digits decode to (a lone trailing digit carries none).</summary>
    public static int Base64Length(int digits) => (digits / 4 * 3) + (digits % 4 is 0 or 1 ? 0 : (digits % 4) - 1);

    /// <summary>Decodes the base64 digits of <paramref name="text"/> into <paramref name="bytes"/>; returns the bytes written.</summary>
    public static int DecodeBase64(ReadOnlySpan<char> text, Span<byte> bytes)
    {
        var written = 0;
        var accumulator = 0;
        var bits = 0;
        foreach (var c in text)
        {
            var value = c < 128 ? Base64Values[c] : -1;
            if (value < 0)
            {
                continue;
            }

            accumulator = (accumulator << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                if (written == bytes.Length)
                {
                    break;
                }

                bytes[written++] = (byte)(accumulator >> bits);
                accumulator &= (1 << bits) - 1;
            }
        }

        return written;
    }

    /// <summary>
    /// Decodes pairs of hex digits in <paramref name="text"/> into <paramref name="bytes"/>, skipping separators and
    /// the prefixes "0x" and "\x"; returns the bytes written.
    /// </summary>
    public static int DecodeHex(ReadOnlySpan<char> text, Span<byte> bytes)
    {
        var written = 0;
        var i = 0;
        while (i < text.Length && written < bytes.Length)
        {
            var c = text[i];
            if (c == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 2]))
            {
                i += 2;
                continue;
            }

            if (char.IsAsciiHexDigit(c) && i + 1 < text.Length && char.IsAsciiHexDigit(text[i + 1]))
            {
                bytes[written++] = (byte)((HexValue(c) << 4) | HexValue(text[i + 1]));
                i += 2;
                continue;
            }

            i++;
        }

        return written;
    }

    /// <summary>Value of an ASCII hex digit.</summary>
    public static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
