using System.Buffers;

namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// Finds base64 and hex runs in a text, without allocating: runs of base64 characters (standard or URL-safe) of at
/// least the minimum length, contiguous hex runs, and hex bytes written one by one ("69 67 6e", "69:67:6e",
/// "\x69\x67", "0x69, 0x67"; at least half the minimum length of them). A run is reported only when its first bytes
/// decode to text (<see cref="DecodedText"/>), so images, hashes and long words cost one small decode each. Prose
/// is skipped 64 characters at a time (<see cref="EncodedRunFinder"/>); only regions that start with a long enough
/// run are read run by run.
/// </summary>
internal ref struct EncodedSegmentScanner
{
    private const byte Other = 0;
    private const byte Base64Only = 1;
    private const byte HexDigit = 2;

    // Separators after which a base64 run is tried again: bounds the decodes per run.
    private const int MaxRestarts = 4;

    private static readonly SearchValues<char> Base64Chars =
        SearchValues.Create("+-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> HexishChars = SearchValues.Create(" ,0123456789:ABCDEFXabcdefx\\");

    private readonly ReadOnlySpan<char> _text;
    private readonly int _minLength;

    // The next character to read, and the end of the region being read run by run (0 before the first region).
    private int _position;
    private int _regionEnd;

    // Hex bytes written one by one: where the sequence began, where its last byte ended, how many bytes so far.
    private int _pairsStart;
    private int _pairsEnd;
    private int _pairCount;

    private EncodedSegment _pending;
    private bool _hasPending;

    public EncodedSegmentScanner(ReadOnlySpan<char> text, int minLength)
    {
        _text = text;
        _minLength = minLength;
    }

    // 0: not base64; 1: base64 only; 2: hex digit (also base64).
    private static ReadOnlySpan<byte> Classes =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
        0, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    /// <summary>The next run that decodes to text, in order of position; false at the end of the text.</summary>
    public bool TryNext(out EncodedSegment segment)
    {
        if (_hasPending)
        {
            _hasPending = false;
            segment = _pending;
            return true;
        }

        var text = _text;
        while (true)
        {
            if (_position >= _regionEnd)
            {
                // A region ended: report the hex bytes it ended with, then find the next region.
                if (FlushPairs(out segment))
                {
                    return true;
                }

                var next = EncodedRunFinder.IndexOfCandidate(text, _position, _minLength, HexBytesSpan(_minLength));
                if (next < 0)
                {
                    _position = _regionEnd = text.Length;
                    return false;
                }

                _regionEnd = RegionEnd(text, next);

                // A hex-ish stretch may begin inside a word ("nausea 49 67"): read that word whole, or its tail
                // would pass for a hex byte.
                while (next > 0 && ClassOf(text[next - 1]) != Other)
                {
                    next--;
                }

                _position = next;
            }

            // Inside a region, run by run: skip to the next run, then to its end.
            var i = _position;
            while (i < _regionEnd && ClassOf(text[i]) == Other)
            {
                i++;
            }

            if (i >= _regionEnd)
            {
                _position = i;
                continue;
            }

            var start = i;
            var allHex = true;
            while (i < text.Length)
            {
                var cls = ClassOf(text[i]);
                if (cls == Other)
                {
                    break;
                }

                allHex &= cls == HexDigit;
                i++;
            }

            _position = i;
            _regionEnd = Math.Max(_regionEnd, i);
            if (i > start && TryRunEnd(start, i, allHex, out segment))
            {
                return true;
            }
        }
    }

    /// <summary>Characters that <paramref name="minLength"/> hex digits take when written one byte at a time ("69 67").</summary>
    public static int HexBytesSpan(int minLength) => ((minLength + 1) / 2 * 3) - 1;

    // Where the region that starts with a long run ends: after the base64 run or the hex-ish stretch, whichever is longer.
    private static int RegionEnd(ReadOnlySpan<char> text, int start)
    {
        var base64 = text[start..].IndexOfAnyExcept(Base64Chars);
        var hexish = text[start..].IndexOfAnyExcept(HexishChars);
        var length = Math.Max(base64 < 0 ? text.Length - start : base64, hexish < 0 ? text.Length - start : hexish);
        return start + Math.Max(length, 1);
    }

    private static byte ClassOf(char c) => c < 128 ? Classes[c] : Other;

    // A run [start, end) ended. Returns true with the segment to report now (another may be left pending).
    private bool TryRunEnd(int start, int end, bool allHex, out EncodedSegment segment)
    {
        if (IsHexByte(start, end, allHex, out var byteStart))
        {
            if (_pairCount > 0 && IsSeparatorGap(_pairsEnd, start))
            {
                _pairCount++;
                _pairsEnd = end;
                segment = default;
                return false;
            }

            var flushed = FlushPairs(out segment);
            _pairsStart = byteStart;
            _pairsEnd = end;
            _pairCount = 1;
            return flushed;
        }

        var hadPairs = FlushPairs(out segment);
        if (end - start >= _minLength && TryRun(start, end, allHex, out var run))
        {
            if (hadPairs)
            {
                _pending = run;
                _hasPending = true;
            }
            else
            {
                segment = run;
            }

            return true;
        }

        return hadPairs;
    }

    // "69", "0x69", or "x69" right after a backslash: one hex byte written on its own.
    private readonly bool IsHexByte(int start, int end, bool allHex, out int byteStart)
    {
        var text = _text;
        byteStart = start;
        switch (end - start)
        {
            case 2:
                return allHex;
            case 3 when text[start] is 'x' or 'X' && start > 0 && text[start - 1] == '\\':
                byteStart = start - 1;
                return char.IsAsciiHexDigit(text[start + 1]) && char.IsAsciiHexDigit(text[start + 2]);
            case 4 when text[start] == '0' && text[start + 1] is 'x' or 'X':
                return char.IsAsciiHexDigit(text[start + 2]) && char.IsAsciiHexDigit(text[start + 3]);
            default:
                return false;
        }
    }

    // One or two separator characters between two hex bytes (the backslash of "\x" counts as one).
    private readonly bool IsSeparatorGap(int previousEnd, int nextStart)
    {
        var gap = nextStart - previousEnd;
        if (gap is < 1 or > 2)
        {
            return false;
        }

        foreach (var c in _text[previousEnd..nextStart])
        {
            if (c is not (' ' or ',' or ':' or '\\'))
            {
                return false;
            }
        }

        return true;
    }

    private bool FlushPairs(out EncodedSegment segment)
    {
        var count = _pairCount;
        _pairCount = 0;
        var start = _pairsStart;
        segment = default;

        // A word that happens to be hex ("be", "af", "add") may stand right before the bytes: drop up to two leading
        // bytes before giving up on the sequence.
        for (var dropped = 0; dropped <= 2 && count * 2 >= _minLength; dropped++)
        {
            segment = new EncodedSegment(start, _pairsEnd, PromptViewKind.Hex);
            if (PrefixIsText(segment, isWhole: count <= DecodedText.PrefixBytes))
            {
                return true;
            }

            start = NextByteStart(start);
            count--;
        }

        return false;
    }

    // Where the hex byte after the one at `start` begins: past "\x", "0x" or nothing, two digits, and separators.
    private readonly int NextByteStart(int start)
    {
        var text = _text;
        var i = start;
        if (text[i] == '\\')
        {
            i++;
        }

        if (text[i] is 'x' or 'X')
        {
            i++;
        }
        else if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X' && i + 3 < text.Length && char.IsAsciiHexDigit(text[i + 3]))
        {
            i += 2;
        }

        i += 2;
        while (i < text.Length && text[i] is ' ' or ',' or ':')
        {
            i++;
        }

        return i;
    }

    private readonly bool TryRun(int start, int end, bool allHex, out EncodedSegment segment)
    {
        if (allHex && (end - start) % 2 == 0)
        {
            segment = new EncodedSegment(start, end, PromptViewKind.Hex);
            if (PrefixIsText(segment, isWhole: (end - start) / 2 <= DecodedText.PrefixBytes))
            {
                return true;
            }
        }

        segment = new EncodedSegment(start, end, PromptViewKind.Base64);
        if (PrefixIsText(segment, isWhole: EncodedBytes.Base64Length(end - start) <= DecodedText.PrefixBytes))
        {
            return true;
        }

        // Base64 glued to a path or a word ("x/images/aWdub3Jl...", "key-aWdub3Jl..."): try again after each of the
        // first few separators, where the encoded part may start.
        for (var attempt = 0; attempt < MaxRestarts; attempt++)
        {
            var separator = _text[(start + 1)..end].IndexOfAny("/+-_");
            if (separator < 0)
            {
                break;
            }

            start += separator + 2;
            if (end - start < _minLength)
            {
                break;
            }

            segment = new EncodedSegment(start, end, PromptViewKind.Base64);
            if (PrefixIsText(segment, isWhole: EncodedBytes.Base64Length(end - start) <= DecodedText.PrefixBytes))
            {
                return true;
            }
        }

        return false;
    }

    private readonly bool PrefixIsText(EncodedSegment segment, bool isWhole)
    {
        Span<byte> bytes = stackalloc byte[DecodedText.PrefixBytes];
        var chars = _text[segment.Start..segment.End];
        var written = segment.Kind == PromptViewKind.Hex
            ? EncodedBytes.DecodeHex(chars, bytes)
            : EncodedBytes.DecodeBase64(chars, bytes);
        return DecodedText.IsTextPrefix(bytes[..written], isWhole);
    }
}
