using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// Finds where a long run of base64 characters, or of characters that can spell hex bytes ("69 67", "\x69",
/// "0x69, 0x67"), begins, so <see cref="EncodedSegmentScanner"/> reads ordinary prose not character by character but
/// 64 at a time: vector compares give one bit per character, and shifting and AND-ing the bits marks each position
/// where k set bits in a row begin.
/// </summary>
internal static class EncodedRunFinder
{
    /// <summary>Longest run length the bit trick supports.</summary>
    public const int MaxRunLength = 64;

    /// <summary>
    /// The first offset at or after <paramref name="from"/> where at least <paramref name="base64Run"/> base64
    /// characters or <paramref name="hexRun"/> hex-ish characters follow in a row; -1 when there is none.
    /// </summary>
    public static int IndexOfCandidate(ReadOnlySpan<char> text, int from, int base64Run, int hexRun)
    {
        if (text.Length - from < Math.Min(base64Run, hexRun))
        {
            return -1;
        }

        var (base64, hexish) = Masks(text, from);
        for (var block = from; block < text.Length; block += 64)
        {
            var (nextBase64, nextHexish) = block + 64 < text.Length ? Masks(text, block + 64) : (0UL, 0UL);
            var starts = RunStarts(base64, nextBase64, base64Run) | RunStarts(hexish, nextHexish, hexRun);
            if (starts != 0)
            {
                return block + BitOperations.TrailingZeroCount(starts);
            }

            (base64, hexish) = (nextBase64, nextHexish);
        }

        return -1;
    }

    // Bit i set when bits i .. i + length - 1 of (high:low) are all set, for i in 0..63.
    private static ulong RunStarts(ulong low, ulong high, int length)
    {
        var bits = ((UInt128)high << 64) | low;
        var power = 1;
        var runs = bits;
        while (power * 2 <= length)
        {
            runs &= runs >> power;
            power *= 2;
        }

        // runs: power in a row; cover the rest with a second window that overlaps the first.
        runs &= runs >> (length - power);
        return (ulong)runs;
    }

    // One bit per character of text[start .. start + 64) (fewer at the end): base64 characters, and hex-ish ones.
    private static (ulong Base64, ulong Hexish) Masks(ReadOnlySpan<char> text, int start)
    {
        ulong base64 = 0;
        ulong hexish = 0;
        var end = Math.Min(start + 64, text.Length);
        var i = start;
        if (Vector128.IsHardwareAccelerated)
        {
            var chars = MemoryMarshal.Cast<char, ushort>(text);
            for (; i + 16 <= end; i += 16)
            {
                var low = Vector128.Create(chars.Slice(i, 8));
                var high = Vector128.Create(chars.Slice(i + 8, 8));
                if (Vector128.GreaterThanAny(low | high, Vector128.Create((ushort)0x7F)))
                {
                    // Narrowing would alias non-ASCII characters to ASCII ones: classify these one by one.
                    break;
                }

                var (b, h) = Classify(Vector128.Narrow(low, high));
                base64 |= (ulong)b << (i - start);
                hexish |= (ulong)h << (i - start);
            }
        }

        for (; i < end; i++)
        {
            var c = text[i];
            var digit = char.IsAsciiDigit(c);
            if (digit || char.IsAsciiLetter(c) || c is '+' or '/' or '-' or '_')
            {
                base64 |= 1UL << (i - start);
            }

            if (digit || char.IsAsciiHexDigit(c) || c is 'x' or 'X' or ' ' or ',' or ':' or '\\')
            {
                hexish |= 1UL << (i - start);
            }
        }

        return (base64, hexish);
    }

    // 16 ASCII characters at once.
    private static (uint Base64, uint Hexish) Classify(Vector128<byte> c)
    {
        var lower = c | Vector128.Create((byte)0x20);
        var fromA = lower - Vector128.Create((byte)'a');
        var letter = Vector128.LessThanOrEqual(fromA, Vector128.Create((byte)25));
        var hexLetter = Vector128.LessThanOrEqual(fromA, Vector128.Create((byte)5));
        var digit = Vector128.LessThanOrEqual(c - Vector128.Create((byte)'0'), Vector128.Create((byte)9));
        var base64 = letter | digit
            | Vector128.Equals(c, Vector128.Create((byte)'+')) | Vector128.Equals(c, Vector128.Create((byte)'/'))
            | Vector128.Equals(c, Vector128.Create((byte)'-')) | Vector128.Equals(c, Vector128.Create((byte)'_'));
        var hexish = digit | hexLetter
            | Vector128.Equals(lower, Vector128.Create((byte)'x')) | Vector128.Equals(c, Vector128.Create((byte)' '))
            | Vector128.Equals(c, Vector128.Create((byte)',')) | Vector128.Equals(c, Vector128.Create((byte)':'))
            | Vector128.Equals(c, Vector128.Create((byte)'\\'));
        return (base64.ExtractMostSignificantBits(), hexish.ExtractMostSignificantBits());
    }
}
