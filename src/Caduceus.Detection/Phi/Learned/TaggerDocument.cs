using Caduceus.Detection.Phi.Names;

namespace Caduceus.Detection.Phi.Learned;

/// <summary>
/// A text split into words with each word's traits, ready for the tagger to label word by word. Features are the
/// word itself, its shape, affixes and gazetteer flags, the same for two words either side, the punctuation between
/// them, and the labels already given to the words before it.
/// </summary>
internal sealed class TaggerDocument
{
    /// <summary>The most features <see cref="Features"/> writes for one word.</summary>
    public const int MaxFeatures = 64;

    private const int MaxWordLength = 24;
    private const int MaxGapLength = 6;

    private static readonly ulong Start = FeatureHash.Of("^");
    private static readonly ulong End = FeatureHash.Of("$");

    private readonly TokenTraits[] _traits;
    private readonly ulong _gapAtEnd;

    public TaggerDocument(string text, NameLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lexicon);
        Text = text;
        var tokens = new List<TagToken>();
        TagTokenizer.Tokenize(text, tokens);
        Tokens = tokens;
        _traits = new TokenTraits[tokens.Count];
        var previousEnd = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var gap = text.AsSpan(previousEnd, token.Start - previousEnd);
            _traits[i] = Describe(text.AsSpan(token.Start, token.Length), gap, i == 0, lexicon);
            previousEnd = token.End;
        }

        _gapAtEnd = GapHash(text.AsSpan(previousEnd), atStart: false);
    }

    public string Text { get; }

    public IReadOnlyList<TagToken> Tokens { get; }

    public int Count => _traits.Length;

    /// <summary>Writes the features of word <paramref name="i"/> into <paramref name="features"/> and returns how many.</summary>
    /// <param name="i">The word's index.</param>
    /// <param name="previousLabel">The label given to word i-1 (0 = none, also before the first word).</param>
    /// <param name="secondPreviousLabel">The label given to word i-2.</param>
    /// <param name="features">At least <see cref="MaxFeatures"/> long.</param>
    public int Features(int i, int previousLabel, int secondPreviousLabel, Span<ulong> features)
    {
        var n = 0;
        ref readonly var self = ref _traits[i];
        var previous = Neighbour(i - 1);
        var next = Neighbour(i + 1);
        var secondPrevious = Neighbour(i - 2);
        var secondNext = Neighbour(i + 2);

        features[n++] = FeatureHash.Feature(FeatureTemplate.Bias, 0);
        features[n++] = FeatureHash.Feature(FeatureTemplate.Word, self.Word);
        features[n++] = FeatureHash.Feature(FeatureTemplate.Shape, self.Shape);
        features[n++] = FeatureHash.Feature(FeatureTemplate.Prefix, self.Prefix);
        features[n++] = FeatureHash.Feature(FeatureTemplate.Suffix, self.Suffix);
        features[n++] = FeatureHash.Feature(FeatureTemplate.Kind, self.Kind);
        features[n++] = FeatureHash.Feature(FeatureTemplate.Flags, self.Flags);
        for (var flags = self.Flags; flags != 0; flags &= flags - 1)
        {
            features[n++] = FeatureHash.Feature(FeatureTemplate.LexiconFlag, (ulong)System.Numerics.BitOperations.TrailingZeroCount(flags));
        }

        features[n++] = FeatureHash.Feature(FeatureTemplate.PreviousWord, previous.Word);
        features[n++] = FeatureHash.Feature(FeatureTemplate.NextWord, next.Word);
        features[n++] = FeatureHash.Feature(FeatureTemplate.SecondPreviousWord, secondPrevious.Word);
        features[n++] = FeatureHash.Feature(FeatureTemplate.SecondNextWord, secondNext.Word);
        features[n++] = FeatureHash.Feature(FeatureTemplate.PreviousWordBigram, secondPrevious.Word, previous.Word);
        features[n++] = FeatureHash.Feature(FeatureTemplate.PreviousShape, previous.Shape);
        features[n++] = FeatureHash.Feature(FeatureTemplate.NextShape, next.Shape);
        features[n++] = FeatureHash.Feature(FeatureTemplate.ShapeTrigram, previous.Shape, self.Shape, next.Shape);
        features[n++] = FeatureHash.Feature(FeatureTemplate.PreviousFlags, previous.Flags);
        features[n++] = FeatureHash.Feature(FeatureTemplate.NextFlags, next.Flags);
        features[n++] = FeatureHash.Feature(FeatureTemplate.GapBefore, self.GapBefore);
        features[n++] = FeatureHash.Feature(FeatureTemplate.GapAfter, i + 1 < _traits.Length ? _traits[i + 1].GapBefore : _gapAtEnd);
        features[n++] = FeatureHash.Feature(FeatureTemplate.GapBeforePrevious, previous.GapBefore);
        features[n++] = FeatureHash.Feature(FeatureTemplate.PreviousWordAndShape, previous.Word, self.Shape);
        features[n++] = FeatureHash.Feature(FeatureTemplate.ShapeAndNextWord, self.Shape, next.Word);
        features[n++] = FeatureHash.Feature(FeatureTemplate.LineStart, self.StartsLine ? 1UL : 0UL);
        features[n++] = FeatureHash.Feature(FeatureTemplate.LineEnd, i + 1 >= _traits.Length || _traits[i + 1].StartsLine ? 1UL : 0UL);
        features[n++] = FeatureHash.Feature(FeatureTemplate.PreviousLabel, (ulong)previousLabel);
        features[n++] = FeatureHash.Feature(FeatureTemplate.TwoPreviousLabels, (ulong)secondPreviousLabel, (ulong)previousLabel);
        features[n++] = FeatureHash.Feature(FeatureTemplate.PreviousLabelAndShape, (ulong)previousLabel, self.Shape);
        features[n++] = FeatureHash.Feature(FeatureTemplate.PreviousLabelAndWord, (ulong)previousLabel, self.Word);
        return n;
    }

    private TokenTraits Neighbour(int i)
    {
        if (i < 0)
        {
            return new TokenTraits(Start, Start, Start, Start, Start, 0, Start, true);
        }

        return i < _traits.Length ? _traits[i] : new TokenTraits(End, End, End, End, End, 0, End, true);
    }

    private static TokenTraits Describe(ReadOnlySpan<char> word, ReadOnlySpan<char> gap, bool first, NameLexicon lexicon)
    {
        var letters = 0;
        var digits = 0;
        var upper = 0;
        foreach (var c in word)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        var wordHash = digits == word.Length
            ? FeatureHash.Of((ulong)(0x1000 + Math.Min(word.Length, 32)))
            : FeatureHash.OfLowercase(word[..Math.Min(word.Length, MaxWordLength)]);
        var affixLength = Math.Min(3, word.Length);
        var capitalization = letters == 0 ? 0UL : upper == 0 ? 1 : upper == letters ? (letters == 1 ? 2UL : 3UL) : char.IsUpper(word[0]) ? 4UL : 5UL;
        var kind = capitalization | ((ulong)Math.Min(word.Length, 15) << 4) | (digits > 0 ? 1UL << 8 : 0) | (letters > 0 ? 1UL << 9 : 0);
        return new TokenTraits(
            wordHash,
            ShapeHash(word),
            digits == word.Length ? wordHash : FeatureHash.OfLowercase(word[..affixLength]),
            digits == word.Length ? wordHash : FeatureHash.OfLowercase(word[^affixLength..]),
            kind,
            (uint)lexicon.Lookup(word),
            GapHash(gap, first),
            first || gap.ContainsAny('\n', '\r'));
    }

    // "Xxxx" for any capitalized word, "dddd" for four digits: letter runs are cut at three, digit runs kept whole.
    private static ulong ShapeHash(ReadOnlySpan<char> word)
    {
        Span<char> shape = stackalloc char[MaxWordLength];
        var length = 0;
        var run = 0;
        var last = '\0';
        foreach (var c in word)
        {
            var s = char.IsDigit(c) ? 'd' : char.IsUpper(c) ? 'X' : 'x';
            run = s == last ? run + 1 : 1;
            last = s;
            if ((s == 'd' || run <= 3) && length < shape.Length)
            {
                shape[length++] = s;
            }
        }

        return FeatureHash.Of(shape[..length]);
    }

    // The punctuation between two words, with each run of spaces as 's' and a line break as 'n': "-", ") ", ", n".
    private static ulong GapHash(ReadOnlySpan<char> gap, bool atStart)
    {
        Span<char> normal = stackalloc char[MaxGapLength + 1];
        var length = 0;
        if (atStart)
        {
            normal[length++] = '^';
        }

        var last = '\0';
        foreach (var c in gap)
        {
            var n = c switch
            {
                '\n' or '\r' => 'n',
                _ when char.IsWhiteSpace(c) => 's',
                < '\u0080' => c,
                _ => '?',
            };
            if ((n == 's' && last is 's' or 'n') || (n == 'n' && last == 'n'))
            {
                continue;
            }

            if (n == 'n' && last == 's')
            {
                length--;
            }

            if (length == normal.Length)
            {
                break;
            }

            normal[length++] = n;
            last = n;
        }

        return FeatureHash.Of(normal[..length]);
    }
}
