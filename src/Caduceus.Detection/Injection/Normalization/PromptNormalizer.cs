using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;

namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// Turns a prompt into the texts an attacker may have hidden in it, for detectors to scan besides the prompt itself:
/// a Unicode folding (<see cref="UnicodeFolding"/>: NFKC, invisible characters removed, look-alikes folded), the text
/// smuggled in tag characters and variation selectors, a leetspeak folding, a rot13 view, and base64, hex and
/// %-encoded text decoded, recursively, up to <see cref="PromptNormalizerOptions.MaxDepth"/> deep and
/// <see cref="PromptNormalizerOptions.MaxDecodedChars"/> in total. It also reports the evasion techniques it saw.
/// </summary>
/// <remarks>
/// Plain text costs a few vectorized searches and one light pass for base64 runs, with no allocation, before
/// <see cref="TryNormalize"/> returns false. Nothing here throws on any input string: malformed encodings are not
/// text and are skipped, lone surrogates are replaced before NFKC. Stateless and thread-safe.
/// </remarks>
internal sealed class PromptNormalizer
{
    private readonly PromptNormalizerOptions _options;

    /// <param name="options">Limits; validated here.</param>
    public PromptNormalizer(PromptNormalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>A normalizer with <see cref="PromptNormalizerOptions.Default"/> limits.</summary>
    public static PromptNormalizer Default { get; } = new(PromptNormalizerOptions.Default);

    /// <summary>
    /// The derived texts and evasion techniques of <paramref name="text"/>; false (and null) when there are none, i.e.
    /// the text itself is all there is to scan.
    /// </summary>
    public bool TryNormalize(string text, [NotNullWhen(true)] out NormalizedPrompt? normalized)
    {
        ArgumentNullException.ThrowIfNull(text);
        normalized = null;
        if (!MayHideText(text))
        {
            return false;
        }

        var run = new Run(_options);
        run.Process(text, depth: 0, 0, text.Length);
        if (run.Views.Count == 0 && run.Evasions == EvasionTechniques.None)
        {
            return false;
        }

        normalized = new NormalizedPrompt(run.Views, run.Evasions, run.Spans);
        return true;
    }

    // The fast path: the triggers of every step of Run.Process, cheapest first, none allocating.
    private bool MayHideText(ReadOnlySpan<char> text) =>
        UnicodeFolding.NeedsFolding(text)
        || PercentEncoding.FindEscapes(text).First >= 0
        || Leetspeak.HasKeyword(text)
        || Rot13.IsLikely(text)
        || new EncodedSegmentScanner(text, _options.MinEncodedLength).TryNext(out _);

    // One normalization: the views so far, the techniques seen and the decoding budget left.
    private sealed class Run(PromptNormalizerOptions options)
    {
        private int _budget = options.MaxDecodedChars;

        public List<PromptView> Views { get; } = [];

        public EvasionTechniques Evasions { get; private set; }

        public (int Start, int End)[] Spans { get; } = new (int, int)[UnicodeFoldResult.SpanSlots];

        /// <summary>Adds the views of <paramref name="text"/>, which stands for [start, end) of the prompt.</summary>
        public void Process(string text, int depth, int start, int end)
        {
            var scan = text;
            if (UnicodeFolding.NeedsFolding(text))
            {
                var folded = UnicodeFolding.Fold(text);
                ObserveAll(folded, depth, start, end);
                if (!string.Equals(folded.Text, text, StringComparison.Ordinal) && AddView(folded.Text, PromptViewKind.Folded, depth, start, end))
                {
                    scan = folded.Text;
                }

                if (folded.TagText is { Length: > 0 } tagText)
                {
                    var (tagStart, tagEnd) = depth == 0 ? SpanOf(EvasionTechniques.TagSmuggling, start, end) : (start, end);
                    AddDecoded(tagText, PromptViewKind.TagCharacters, depth, tagStart, tagEnd);
                }

                if (folded.VariationSelectorText is { Length: > 0 } selectorText)
                {
                    var (selectorStart, selectorEnd) = depth == 0 ? SpanOf(EvasionTechniques.VariationSelectorSmuggling, start, end) : (start, end);
                    AddDecoded(selectorText, PromptViewKind.VariationSelectors, depth, selectorStart, selectorEnd);
                }
            }

            if (PercentEncoding.FindEscapes(scan).First >= 0)
            {
                // The decoded text holds the whole text, so leetspeak, rot13, base64 and hex are looked for there, once,
                // not here too. It is no larger than the text, so it is not charged to the decoding budget (a long
                // letter with one link in it must not exhaust it).
                if (depth < options.MaxDepth)
                {
                    AddView(PercentEncoding.Decode(scan), PromptViewKind.PercentEncoding, depth + 1, start, end, recurse: true);
                    return;
                }

                Observe(EvasionTechniques.DecodingLimit, start, end);
            }

            if (Leetspeak.HasKeyword(scan))
            {
                AddView(Leetspeak.Fold(scan), PromptViewKind.Leetspeak, depth, start, end);
            }

            if (Rot13.IsLikely(scan))
            {
                if (depth < options.MaxDepth)
                {
                    AddView(Rot13.Apply(scan), PromptViewKind.Rot13, depth + 1, start, end);
                }
                else
                {
                    Observe(EvasionTechniques.DecodingLimit, start, end);
                }
            }

            // Offsets in the text being scanned are offsets in the prompt only for the prompt itself, unfolded.
            DecodeSegments(scan, depth, exact: depth == 0 && ReferenceEquals(scan, text), start, end);
        }

        private void DecodeSegments(string scan, int depth, bool exact, int start, int end)
        {
            StringBuilder? base64 = null;
            StringBuilder? hex = null;
            (int Start, int End) base64Span = (int.MaxValue, -1);
            (int Start, int End) hexSpan = (int.MaxValue, -1);
            var scanner = new EncodedSegmentScanner(scan, options.MinEncodedLength);
            while (scanner.TryNext(out var segment))
            {
                if (depth >= options.MaxDepth || _budget == 0)
                {
                    Observe(EvasionTechniques.DecodingLimit, start, end);
                    break;
                }

                if (Decode(scan.AsSpan(segment.Start, segment.End - segment.Start), segment.Kind, start, end) is not { } decoded)
                {
                    continue;
                }

                var builder = segment.Kind == PromptViewKind.Hex ? hex ??= new() : base64 ??= new();
                if (builder.Length > 0)
                {
                    builder.Append('\n');
                }

                builder.Append(decoded);
                ref var span = ref segment.Kind == PromptViewKind.Hex ? ref hexSpan : ref base64Span;
                span = exact ? (Math.Min(span.Start, start + segment.Start), Math.Max(span.End, start + segment.End)) : (start, end);
            }

            // Segments of one kind go into one view, so an instruction split over several is read whole.
            if (base64 is not null)
            {
                AddView(base64.ToString(), PromptViewKind.Base64, depth + 1, base64Span.Start, base64Span.End, recurse: true);
            }

            if (hex is not null)
            {
                AddView(hex.ToString(), PromptViewKind.Hex, depth + 1, hexSpan.Start, hexSpan.End, recurse: true);
            }
        }

        // Decodes one segment within the budget; null when it is not text after all.
        private string? Decode(ReadOnlySpan<char> chars, PromptViewKind kind, int start, int end)
        {
            var length = kind == PromptViewKind.Hex ? chars.Length / 2 : EncodedBytes.Base64Length(chars.Length);
            var truncated = length > _budget;
            var bytes = new byte[Math.Min(length, _budget)];
            var written = kind == PromptViewKind.Hex ? EncodedBytes.DecodeHex(chars, bytes) : EncodedBytes.DecodeBase64(chars, bytes);
            var text = DecodedText.Decode(bytes.AsSpan(0, written), isWhole: !truncated);
            if (text is not null)
            {
                _budget -= text.Length;
                if (truncated)
                {
                    Observe(EvasionTechniques.DecodingLimit, start, end);
                }
            }

            return text;
        }

        // A decoded text one level deeper: within the depth and budget limits, added as a view and processed in turn.
        private void AddDecoded(string decoded, PromptViewKind kind, int depth, int start, int end)
        {
            if (depth >= options.MaxDepth || _budget == 0)
            {
                Observe(EvasionTechniques.DecodingLimit, start, end);
                return;
            }

            if (decoded.Length > _budget)
            {
                decoded = decoded[.._budget];
                Observe(EvasionTechniques.DecodingLimit, start, end);
            }

            _budget -= decoded.Length;
            AddView(decoded, kind, depth + 1, start, end, recurse: true);
        }

        private bool AddView(string text, PromptViewKind kind, int depth, int start, int end, bool recurse = false)
        {
            if (Views.Count >= options.MaxViews)
            {
                Observe(EvasionTechniques.DecodingLimit, start, end);
                return false;
            }

            Views.Add(new PromptView(text, kind, depth, start, end));
            if (recurse)
            {
                Process(text, depth, start, end);
            }

            return true;
        }

        private void ObserveAll(UnicodeFoldResult folded, int depth, int start, int end)
        {
            for (var bits = (uint)folded.Evasions; bits != 0; bits &= bits - 1)
            {
                var slot = BitOperations.TrailingZeroCount(bits);
                var (s, e) = depth == 0 ? folded.Spans[slot] : (start, end);
                Observe((EvasionTechniques)(1u << slot), s, e);
            }
        }

        private (int Start, int End) SpanOf(EvasionTechniques technique, int start, int end) =>
            (Evasions & technique) != 0 ? Spans[BitOperations.TrailingZeroCount((uint)technique)] : (start, end);

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
