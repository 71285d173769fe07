using System.Buffers;

namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// A text prepared for the name rules: its words, each word's class, and questions about the gaps between words.
/// Built once per inspected text; its pooled buffers are returned on dispose.
/// </summary>
internal sealed class NameDocument : IDisposable
{
    /// <summary>Most characters between a cue and the name it introduces ("Name:      John").</summary>
    private const int MaxCueGap = 40;

    private readonly TokenBuffer _tokens;
    private NameWordClass[] _classes;

    public NameDocument(string text, NameLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lexicon);
        Text = text;
        _tokens = new TokenBuffer(text.Length / 5);
        NameTokenizer.Tokenize(text, lexicon, _tokens);
        _classes = ArrayPool<NameWordClass>.Shared.Rent(Math.Max(1, _tokens.Count));
        for (var i = 0; i < _tokens.Count; i++)
        {
            _classes[i] = NameWordClassifier.Classify(text, _tokens[i]);
        }
    }

    public string Text { get; }

    public int Count => _tokens.Count;

    public NameToken this[int index] => _tokens[index];

    public NameWordClass ClassOf(int index) => _classes[index];

    /// <summary>Reclassifies a word in the light of its neighbours (an "A" between two names is an initial).</summary>
    public void Reclassify(int index, NameWordClass wordClass) => _classes[index] = wordClass;

    public ReadOnlySpan<char> WordAt(int index)
    {
        var token = _tokens[index];
        return Text.AsSpan(token.Start, token.Length);
    }

    /// <summary>The characters between word <paramref name="index"/> - 1 and word <paramref name="index"/> (after a possessive's "'s").</summary>
    public ReadOnlySpan<char> GapBefore(int index)
    {
        var from = index == 0 ? 0 : AfterWord(index - 1);
        return Text.AsSpan(from, Math.Max(0, _tokens[index].Start - from));
    }

    /// <summary>The characters after word <paramref name="index"/> up to the next word or the end of the text.</summary>
    public ReadOnlySpan<char> GapAfter(int index)
    {
        var from = AfterWord(index);
        var to = index + 1 < _tokens.Count ? _tokens[index + 1].Start : Text.Length;
        return Text.AsSpan(from, Math.Max(0, to - from));
    }

    /// <summary>True when only spaces or tabs separate words <paramref name="index"/> - 1 and <paramref name="index"/>.</summary>
    public bool IsSpaceBefore(int index)
    {
        if (index == 0 || _tokens[index - 1].Has(TokenTraits.Possessive))
        {
            return false;
        }

        // Two spaces at most: wider gaps separate the columns of a form ("SMITH, JOHN   DOB").
        var gap = GapBefore(index);
        return gap.Length is > 0 and <= 2 && !gap.ContainsAnyExcept(' ', '\t', '\u00A0');
    }

    /// <summary>True when word <paramref name="index"/> follows a possessive with only spaces between ("patient's daughter").</summary>
    public bool IsAfterPossessive(int index)
    {
        if (index == 0 || !_tokens[index - 1].Has(TokenTraits.Possessive))
        {
            return false;
        }

        var gap = GapBefore(index);
        return gap.Length is > 0 and <= 3 && !gap.ContainsAnyExcept(' ', '\t', '\u00A0');
    }

    /// <summary>
    /// True when word <paramref name="index"/> opens a sentence, a line or the text: a capital there says little.
    /// A period after an initial or a title ("J. Smith", "Dr. Smith") does not end a sentence.
    /// </summary>
    public bool IsSentenceStart(int index)
    {
        var token = _tokens[index];
        var floor = index == 0 ? 0 : _tokens[index - 1].End;
        for (var i = token.Start - 1; i >= floor; i--)
        {
            var c = Text[i];
            switch (c)
            {
                case ' ' or '\t' or '\u00A0' or '"' or '\'' or '“' or '‘' or '(' or '[' or '*' or '-' or '•' or '>' or '#':
                    continue;
                case '\n' or '\r':
                    return true;
                case '!' or '?':
                    return true;
                case '.':
                    // "1. Maria", "... end. Maria" start a sentence; "J. Smith" and "Dr. Smith" do not.
                    return i != floor || index == 0 || !IsAbbreviation(index - 1);
                default:
                    return false;
            }
        }

        return index == 0;
    }

    /// <summary>
    /// True when a neighbour of word <paramref name="index"/> is an ordinary word written with a capital
    /// ("Follow Up With Primary Care"): in a heading a capital says as little as at a sentence start.
    /// </summary>
    public bool IsInTitleCase(int index) =>
        (index > 0 && IsSpaceBefore(index) && IsCapitalizedOrdinaryWord(index - 1))
        || (index + 1 < Count && IsSpaceBefore(index + 1) && IsCapitalizedOrdinaryWord(index + 1));

    /// <summary>
    /// True when word <paramref name="index"/> is the value of a heading that is not a cue ("Neck: Supple",
    /// "Allergies: Penicillin"): a capital there says nothing.
    /// </summary>
    public bool IsAfterHeading(int index)
    {
        if (index == 0)
        {
            return false;
        }

        var gap = GapBefore(index);
        var colon = gap.IndexOf(':');
        return colon >= 0 && !gap[(colon + 1)..].ContainsAnyExcept(' ', '\t') && !_tokens[index - 1].Is(LexiconFlags.Cue)
            && _tokens[index - 1].Shape != TokenShape.Lower;
    }

    /// <summary>True when a sentence, clause or line ends between words <paramref name="index"/> - 1 and <paramref name="index"/>.</summary>
    public bool IsBoundaryBefore(int index)
    {
        if (index == 0)
        {
            return true;
        }

        var gap = GapBefore(index);
        if (gap.ContainsAny('\n', '\r') || gap.ContainsAny('!', '?', ';'))
        {
            return true;
        }

        var period = gap.IndexOf('.');
        return period > 0 || (period == 0 && !IsAbbreviation(index - 1));
    }

    /// <summary>
    /// Whether a cue word <paramref name="cueIndex"/> can reach a name starting at word <paramref name="nameIndex"/>
    /// across the gap between them: spaces, a colon, a comma, a dash, an opening parenthesis or quote, and a line
    /// break after a colon; a period only right after a short cue ("Dr.", "Pt.").
    /// </summary>
    public bool CueGapAllows(int cueIndex, int nameIndex, out bool labelled, out bool newline)
    {
        labelled = false;
        newline = false;
        var gap = GapBefore(nameIndex);
        if (gap.Length > MaxCueGap)
        {
            return false;
        }

        for (var i = 0; i < gap.Length; i++)
        {
            switch (gap[i])
            {
                case ' ' or '\t' or '\u00A0' or ',' or '-' or '–' or '—' or '=' or '(' or '"' or '“' or '”' or '\'' or '*' or '[' or '>' or '|':
                    break;
                case ':':
                    labelled = true;
                    break;
                case '\n' or '\r':
                    newline = true;
                    break;
                case '.' when i == 0 && _tokens[cueIndex].Length <= 4:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    public void Dispose()
    {
        _tokens.Dispose();
        ArrayPool<NameWordClass>.Shared.Return(_classes);
        _classes = [];
    }

    // A possessive's "'s" belongs to no word and to no gap.
    private int AfterWord(int index)
    {
        var token = _tokens[index];
        if (!token.Has(TokenTraits.Possessive))
        {
            return token.End;
        }

        var end = token.End + 1;
        return end < Text.Length && Text[end] is 's' or 'S' ? end + 1 : end;
    }

    private bool IsCapitalizedOrdinaryWord(int index) =>
        _tokens[index].Shape == TokenShape.Capitalized && _classes[index] == NameWordClass.Break && !_tokens[index].Is(LexiconFlags.Cue);

    private bool IsAbbreviation(int index)
    {
        var token = _tokens[index];
        return token.Shape == TokenShape.Initial || (token.Is(LexiconFlags.Cue) && token.Length <= 4)
            || (token.Length <= 3 && token.Is(LexiconFlags.Suffix | LexiconFlags.Abbreviation));
    }
}
