using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// The Unicode half of normalization, in three steps over a text that is not plain: (1) remove what a reader cannot see
/// (zero-width characters, bidirectional controls, tag characters, variation selectors), decoding the text smuggled in
/// tag characters and variation-selector runs, and noting where each technique was used; (2) NFKC, which turns
/// fullwidth, mathematical, circled and other compatibility letters into plain ones; (3) fold Cyrillic, Greek and
/// Armenian look-alikes to Latin (<see cref="Confusables"/>). Never throws: lone surrogates and noncharacters become
/// U+FFFD first, so NFKC always accepts the text.
/// </summary>
internal static class UnicodeFolding
{
    /// <summary>Characters that need none of this: printable ASCII, tab and line breaks, and the accented letters and
    /// typographic punctuation of ordinary English and Spanish text (NFKC leaves all of them unchanged, except the
    /// no-break space and the ellipsis, which nothing downstream cares about).</summary>
    public static SearchValues<char> PlainText { get; } = SearchValues.Create(
        "\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
        + "\u00A0¡¢£¥§©«®°±¶·»¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
        + "\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u20AC");

    private static readonly SearchValues<char> AsciiText = SearchValues.Create(
        "\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    // The letters of PlainText, all of them Latin.
    private static readonly SearchValues<char> PlainLetters = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ");

    /// <summary>True when <paramref name="text"/> has a character outside <see cref="PlainText"/>.</summary>
    public static bool NeedsFolding(ReadOnlySpan<char> text)
    {
        // Pure ASCII is the common case and the ASCII-only search is the fastest; the wider set only from there on.
        var firstNonAscii = text.IndexOfAnyExcept(AsciiText);
        return firstNonAscii >= 0 && text[firstNonAscii..].IndexOfAnyExcept(PlainText) >= 0;
    }

    /// <summary>Folds <paramref name="text"/>; see the type's summary.</summary>
    public static UnicodeFoldResult Fold(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            var removal = new Removal(buffer);
            removal.Run(text);
            var visible = new string(buffer, 0, removal.Length);
            var normalized = visible.IsNormalized(NormalizationForm.FormKC) ? visible : visible.Normalize(NormalizationForm.FormKC);
            var folded = FoldLookalikes(normalized);

            // A view costs a detector pass: skip it when nothing changed that a signal could notice (the selector of
            // an emoji, the joiners of an emoji sequence, a replaced lone surrogate).
            var changed = removal.Significant || !ReferenceEquals(normalized, visible) || !ReferenceEquals(folded, normalized);
            return new UnicodeFoldResult(
                changed ? folded : text,
                removal.Evasions,
                removal.Spans,
                removal.TagText?.ToString(),
                removal.VariationSelectorText?.ToString());
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string FoldLookalikes(string text)
    {
        var i = text.AsSpan().IndexOfAnyInRange(Confusables.First, Confusables.Last);
        while (i >= 0 && i < text.Length && Confusables.Fold(text[i]) == '\0')
        {
            i++;
        }

        if (i < 0 || i == text.Length)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (; i < chars.Length; i++)
        {
            var latin = Confusables.Fold(chars[i]);
            if (latin != '\0')
            {
                chars[i] = latin;
            }
        }

        return new string(chars);
    }

    private static bool IsLatinLetter(int cp) =>
        (cp < 128 && char.IsAsciiLetter((char)cp))
        || cp is >= 0xC0 and <= 0x24F and not (0xD7 or 0xF7)
        || cp is (>= 0xFF21 and <= 0xFF3A) or (>= 0xFF41 and <= 0xFF5A);

    // Emoji, pictographs and other symbols outside ASCII: no signal pattern contains one, so what is removed next to
    // one cannot complete a match (and -1, the edge of the text).
    private static bool IsSymbol(int cp) =>
        cp < 0 || (cp >= 0x80 && !Rune.IsLetterOrDigit(new Rune(cp)) && !Rune.IsWhiteSpace(new Rune(cp)));

    // Invisible characters with no business inside a word: zero-width space, non-joiner, joiner, word joiner, invisible
    // math operators, BOM / zero-width no-break space, Mongolian vowel separator, soft hyphen, combining grapheme
    // joiner, Hangul fillers, Khmer inherent vowels.
    private static bool IsInvisible(int cp) => cp is
        0x200B or 0x200C or 0x200D or (>= 0x2060 and <= 0x2064) or 0xFEFF or 0x180E or 0x00AD or 0x034F
        or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x17B4 or 0x17B5;

    // Embeddings, overrides and isolates: they reorder what a reviewer sees (Trojan Source).
    private static bool IsBidiControl(int cp) => cp is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    // Direction marks: legitimate in right-to-left text, removed without comment.
    private static bool IsBidiMark(int cp) => cp is 0x200E or 0x200F or 0x061C;

    // The removal pass. A struct with a loop rather than a closure so the hot loop keeps its state in registers.
    private struct Removal(char[] output)
    {
        private readonly char[] _output = output;

        // The last code point written (-1 before the first).
        private int _previous = -1;

        // Characters removed since the last one written; where invisible ones followed a Latin letter.
        private bool _removed;
        private int _invisibleAfterLetter = -1;

        // The current word (run of letters): does it have Latin letters, foreign look-alikes, and where did it start.
        private int _wordStart = -1;
        private bool _wordHasLatin;
        private bool _wordHasLookalike;

        // The current tag run.
        private int _tagStart = -1;
        private int _tagTextStart;
        private bool _tagAfterFlag;

        // The current run of variation selectors, as bytes.
        private int _selectorStart = -1;
        private List<byte>? _selectorBytes;

        public int Length { get; private set; }

        /// <summary>True when something was removed where it could break a match (see <see cref="IsSymbol"/>).</summary>
        public bool Significant { get; private set; }

        public EvasionTechniques Evasions { get; private set; }

        public (int Start, int End)[] Spans { get; } = new (int, int)[UnicodeFoldResult.SpanSlots];

        public StringBuilder? TagText { get; private set; }

        public StringBuilder? VariationSelectorText { get; private set; }

        public void Run(string text)
        {
            var i = 0;
            while (i < text.Length)
            {
                // Plain characters, most of any text, are copied in bulk.
                var plain = text.AsSpan(i).IndexOfAnyExcept(PlainText);
                var plainEnd = plain < 0 ? text.Length : i + plain;
                if (plainEnd > i)
                {
                    Plain(text.AsSpan(i, plainEnd - i), i);
                    i = plainEnd;
                    continue;
                }

                var c = text[i];
                int cp;
                var width = 1;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    cp = char.ConvertToUtf32(c, text[i + 1]);
                    width = 2;
                }
                else
                {
                    cp = char.IsSurrogate(c) ? 0xFFFD : c;
                }

                // .NET's NFKC rejects U+FFFE (and lone surrogates); noncharacters carry nothing anyway.
                if (cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE)
                {
                    cp = 0xFFFD;
                }

                Step(cp, i, width);
                i += width;
            }

            EndRuns(text.Length);

            // Removed at the very end: it matters only between a word and the end a pattern anchors on ("### System").
            Significant |= _removed && _previous >= 0 && Rune.IsLetterOrDigit(new Rune(_previous));
            EndWord(text.Length);
        }

        private void Plain(ReadOnlySpan<char> chunk, int at)
        {
            EndRuns(at);
            BeforeVisible(chunk[0], at);
            chunk.CopyTo(_output.AsSpan(Length));
            Length += chunk.Length;

            // Words: the chunk's letters are all Latin. A word running into the chunk ends at its first non-letter;
            // the chunk's last word may run on past it.
            var firstNonLetter = chunk.IndexOfAnyExcept(PlainLetters);
            if (firstNonLetter != 0)
            {
                StartWord(at);
                _wordHasLatin = true;
            }

            if (firstNonLetter >= 0)
            {
                EndWord(at + firstNonLetter);
                var lastNonLetter = chunk.LastIndexOfAnyExcept(PlainLetters);
                if (lastNonLetter < chunk.Length - 1)
                {
                    StartWord(at + lastNonLetter + 1);
                    _wordHasLatin = true;
                }
            }

            _previous = chunk[^1];
        }

        private void Step(int cp, int at, int width)
        {
            if (cp is >= 0xE0000 and <= 0xE007F)
            {
                EndSelectorRun(at);
                Tag(cp, at, width);
                _removed = true;
                return;
            }

            EndTagRun(at);

            var selectorByte = cp switch
            {
                >= 0xFE00 and <= 0xFE0F => cp - 0xFE00,
                >= 0xE0100 and <= 0xE01EF => cp - 0xE0100 + 16,
                _ => -1,
            };
            if (selectorByte >= 0)
            {
                if (_selectorStart < 0)
                {
                    _selectorStart = at;
                    _selectorBytes ??= [];
                    _selectorBytes.Clear();
                }

                _selectorBytes!.Add((byte)selectorByte);
                _removed = true;
                return;
            }

            EndSelectorRun(at);

            if (IsInvisible(cp))
            {
                // The soft hyphen is also left by ordinary word processors; remove it, but do not count it.
                if (cp != 0x00AD && _invisibleAfterLetter < 0 && IsLatinLetter(_previous))
                {
                    _invisibleAfterLetter = at;
                }

                _removed = true;
                return;
            }

            if (IsBidiControl(cp) || IsBidiMark(cp))
            {
                if (IsBidiControl(cp))
                {
                    Observe(EvasionTechniques.BidiControls, at, at + width);
                }

                _removed = true;
                return;
            }

            BeforeVisible(cp, at);
            TrackWord(cp, at);
            if (cp > char.MaxValue)
            {
                _output[Length++] = (char)(((cp - 0x10000) >> 10) + 0xD800);
                _output[Length++] = (char)(((cp - 0x10000) & 0x3FF) + 0xDC00);
            }
            else
            {
                _output[Length++] = (char)cp;
            }

            _previous = cp;
        }

        // Bookkeeping for the removed characters before a visible one.
        private void BeforeVisible(int cp, int at)
        {
            if (!_removed)
            {
                return;
            }

            Significant |= !IsSymbol(_previous) && !IsSymbol(cp);
            if (_invisibleAfterLetter >= 0 && IsLatinLetter(cp))
            {
                Observe(EvasionTechniques.InvisibleCharacters, _invisibleAfterLetter, at);
            }

            _invisibleAfterLetter = -1;
            _removed = false;
        }

        private void Tag(int cp, int at, int width)
        {
            if (_tagStart < 0)
            {
                _tagStart = at;
                _tagAfterFlag = _previous == 0x1F3F4;
                TagText ??= new StringBuilder();
                _tagTextStart = TagText.Length;
            }

            if (cp is >= 0xE0020 and <= 0xE007E)
            {
                TagText!.Append((char)(cp - 0xE0000));
            }
            else if (cp == 0xE007F)
            {
                // CANCEL TAG closes a run: the end of an emoji subdivision flag such as England's.
                EndTagRun(at + width);
            }
        }

        private void EndRuns(int at)
        {
            EndTagRun(at);
            EndSelectorRun(at);
        }

        private void EndTagRun(int end)
        {
            if (_tagStart < 0)
            {
                return;
            }

            // 🏴 followed by a few lower-case letters or digits and a cancel tag is a subdivision flag, not a message.
            var hidden = TagText!.Length - _tagTextStart;
            if (_tagAfterFlag && hidden is >= 2 and <= 6)
            {
                TagText.Length = _tagTextStart;
            }
            else if (hidden > 0)
            {
                Observe(EvasionTechniques.TagSmuggling, _tagStart, end);
            }

            _tagStart = -1;
        }

        private void EndSelectorRun(int end)
        {
            if (_selectorStart < 0)
            {
                return;
            }

            // One selector picks a glyph (❤️); smuggling needs a run of them, one per byte.
            if (_selectorBytes!.Count >= 2 && DecodedText.Decode(CollectionsMarshal.AsSpan(_selectorBytes)) is { } hidden)
            {
                VariationSelectorText ??= new StringBuilder();
                if (VariationSelectorText.Length > 0)
                {
                    VariationSelectorText.Append('\n');
                }

                VariationSelectorText.Append(hidden);
                Observe(EvasionTechniques.VariationSelectorSmuggling, _selectorStart, end);
            }

            _selectorStart = -1;
        }

        private void TrackWord(int cp, int at)
        {
            var latin = IsLatinLetter(cp);
            var lookalike = !latin && cp <= char.MaxValue && Confusables.IsForeignLookalike((char)cp);
            if (latin || lookalike || (cp <= char.MaxValue && char.IsLetter((char)cp)))
            {
                StartWord(at);
                _wordHasLatin |= latin;
                _wordHasLookalike |= lookalike;
                return;
            }

            EndWord(at);
        }

        private void StartWord(int at)
        {
            if (_wordStart < 0)
            {
                _wordStart = at;
                _wordHasLatin = false;
                _wordHasLookalike = false;
            }
        }

        private void EndWord(int end)
        {
            if (_wordStart >= 0 && _wordHasLatin && _wordHasLookalike)
            {
                Observe(EvasionTechniques.MixedScript, _wordStart, end);
            }

            _wordStart = -1;
        }

        private void Observe(EvasionTechniques technique, int start, int end)
        {
            var slot = BitOperations.TrailingZeroCount((uint)technique);
            Spans[slot] = (Evasions & technique) == 0
                ? (start, end)
                : (Math.Min(Spans[slot].Start, start), Math.Max(Spans[slot].End, end));
            Evasions |= technique;
        }
    }
}
