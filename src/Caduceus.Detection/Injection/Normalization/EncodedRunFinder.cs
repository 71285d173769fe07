using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// Finds where a long run of base64 characters, or of characters that can spell hex bytes ("69 67", "\x69",
/// "0x69, 0x67"), begins, so <see cref="EncodedSegmentScanner"/> reads ordinary prose not character by character but
/// 64 at a time: vector compares give one bit per character, shifting and AND-ing the bits marks each position where
/// k set bits in a row begin, and the ones at the end of one block plus those at the start of the next catch runs
/// across the boundary.
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

        ulong previousBase64 = 0;
        ulong previousHexish = 0;
        for (var block = from; block < text.Length; block += 64)
        {
            var (base64, hexish) = Masks(text, block);

            // A run across the boundary starts where the previous block's last run of ones does.
            var crossing = Crossing(previousBase64, base64, base64Run) | Crossing(previousHexish, hexish, hexRun);
            if (crossing != 0)
            {
                return block - crossing;
            }

            var starts = RunStarts(base64, base64Run) | RunStarts(hexish, hexRun);
            if (starts != 0)
            {
                return block + BitOperations.TrailingZeroCount(starts);
            }

            (previousBase64, previousHexish) = (base64, hexish);
        }

        return -1;
    }

    // How far back into the previous block a run of at least `length` that crosses into this one starts; 0 for none.
    private static int Crossing(ulong previous, ulong current, int length)
    {
        var before = BitOperations.LeadingZeroCount(~previous);
        var after = BitOperations.TrailingZeroCount(~current);
        return before > 0 && before + after >= length ? before : 0;
    }

    // Bit i set when bits i .. i + length - 1 of `bits` are all set (ones past bit 63 do not count).
    private static ulong RunStarts(ulong bits, int length)
    {
        var runs = bits;
        var power = 1;
        while (power * 2 <= length)
        {
            runs &= runs >> power;
            power *= 2;
        }

        // runs: `power` in a row; a second, overlapping window covers the rest.
        return runs & (runs >> (length - power));
    }

    // One bit per character of text[start .. start + 64) (fewer at the end): base64 characters, and hex-ish ones.
    private static (ulong Base64, ulong Hexish) Masks(ReadOnlySpan<char> text, int start)
    {
        ulong base64 = 0;
        ulong hexish = 0;
        var end = Math.Min(start + 64, text.Length);
        var i = start;
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 32 <= end; i += 32)
            {
                var low = Vector256.Create(chars.Slice(i, 16));
                var high = Vector256.Create(chars.Slice(i + 16, 16));
                if (Vector256.GreaterThanAny(low | high, Vector256.Create((ushort)0x7F)))
                {
                    break;
                }

                var (b, h) = Classify(Vector256.Narrow(low, high));
                base64 |= (ulong)b << (i - start);
                hexish |= (ulong)h << (i - start);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
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

    // 32 ASCII characters at once.
    private static (uint Base64, uint Hexish) Classify(Vector256<byte> c)
    {
        var lower = c | Vector256.Create((byte)0x20);
        var fromA = lower - Vector256.Create((byte)'a');
        var letter = Vector256.LessThanOrEqual(fromA, Vector256.Create((byte)25));
        var hexLetter = Vector256.LessThanOrEqual(fromA, Vector256.Create((byte)5));
        var digit = Vector256.LessThanOrEqual(c - Vector256.Create((byte)'0'), Vector256.Create((byte)9));
        var base64 = letter | digit
            | Vector256.Equals(c, Vector256.Create((byte)'+')) | Vector256.Equals(c, Vector256.Create((byte)'/'))
            | Vector256.Equals(c, Vector256.Create((byte)'-')) | Vector256.Equals(c, Vector256.Create((byte)'_'));
        var hexish = digit | hexLetter
            | Vector256.Equals(lower, Vector256.Create((byte)'x')) | Vector256.Equals(c, Vector256.Create((byte)' '))
            | Vector256.Equals(c, Vector256.Create((byte)',')) | Vector256.Equals(c, Vector256.Create((byte)':'))
            | Vector256.Equals(c, Vector256.Create((byte)'\\'));
        return (base64.ExtractMostSignificantBits(), hexish.ExtractMostSignificantBits());
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
