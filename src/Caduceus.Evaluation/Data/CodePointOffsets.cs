using System.Text;

namespace Caduceus.Evaluation.Data;

/// <summary>
/// Converts between Unicode code point offsets (what Python's <c>str</c> indices and the evaluation files use) and
/// UTF-16 indices (what .NET strings and findings use). They differ only after a character outside the Basic
/// Multilingual Plane (an emoji, say), which takes two UTF-16 units but one code point.
/// </summary>
internal sealed class CodePointOffsets
{
    // utf16Of[cp] = UTF-16 index of code point cp; null when the text has no surrogate pair (the offsets coincide).
    private readonly int[]? _utf16Of;

    public CodePointOffsets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Utf16Length = text.Length;
        var firstSurrogate = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (firstSurrogate < 0)
        {
            CodePointLength = text.Length;
            return;
        }

        var map = new List<int>(text.Length + 1);
        var i = 0;
        while (i < text.Length)
        {
            map.Add(i);
            // A lone surrogate is invalid UTF-16; Python would count it as one code point, and so do we.
            i += Rune.TryGetRuneAt(text, i, out var rune) ? rune.Utf16SequenceLength : 1;
        }

        map.Add(text.Length);
        _utf16Of = [.. map];
        CodePointLength = _utf16Of.Length - 1;
    }

    public int CodePointLength { get; }

    public int Utf16Length { get; }

    /// <summary>The UTF-16 index of code point offset <paramref name="codePoint"/>; false when it is out of range.</summary>
    public bool TryToUtf16(int codePoint, out int utf16)
    {
        if (codePoint < 0 || codePoint > CodePointLength)
        {
            utf16 = -1;
            return false;
        }

        utf16 = _utf16Of is null ? codePoint : _utf16Of[codePoint];
        return true;
    }

    /// <summary>The code point offset of UTF-16 index <paramref name="utf16"/>; false when out of range or inside a surrogate pair.</summary>
    public bool TryToCodePoint(int utf16, out int codePoint)
    {
        if (utf16 < 0 || utf16 > Utf16Length)
        {
            codePoint = -1;
            return false;
        }

        if (_utf16Of is null)
        {
            codePoint = utf16;
            return true;
        }

        codePoint = Array.BinarySearch(_utf16Of, utf16);
        return codePoint >= 0;
    }
}
