using System.Buffers;

namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>
/// Finds where one of a set of words or phrases may start a word, fast: most words follow a space, and searching for
/// " phrase" lets <see cref="SearchValues{T}"/> skip text about ten times faster than searching for "phrase" (short
/// phrases such as "id" otherwise match inside many words). Words after other characters (a line break, '(', '/', a
/// quote) and at the start of the text are found by a second, character-level search. Returns candidates: the caller
/// checks which phrase, and that it ends a word.
/// </summary>
internal sealed class WordStartSearch
{
    // Characters other than a space that stand right before a label or a spoken number often enough to matter: line
    // starts, brackets, quotes, markdown emphasis and HTML ("**Member ID:**", "<td>Member ID"). Punctuation usually
    // followed by a space (',', ':', '-', '|') is left out: it is frequent in clinical notes and costs a check each time.
    private static readonly SearchValues<char> OtherWordStarts = SearchValues.Create("\n\r\t([{\"'*>\u00A0\u201C\u2018");

    private readonly SearchValues<string> _afterSpace;
    private readonly string[][] _byFirstLetter = new string[26][];

    // Which first two characters (a-z, then anything else as 26) some phrase starts with: a quick "no" for most words.
    private readonly bool[] _firstTwo = new bool[26 * 27];

    /// <param name="phrases">Words or phrases starting with an ASCII letter, matched case-insensitively.</param>
    public WordStartSearch(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var distinct = phrases.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var phrase in distinct)
        {
            if (string.IsNullOrEmpty(phrase) || !char.IsAsciiLetter(phrase[0]))
            {
                throw new ArgumentException("Every phrase starts with an ASCII letter.", nameof(phrases));
            }
        }

        _afterSpace = SearchValues.Create([.. distinct.Select(p => " " + p)], StringComparison.OrdinalIgnoreCase);
        for (var letter = 0; letter < 26; letter++)
        {
            var first = (char)('a' + letter);
            _byFirstLetter[letter] = [.. distinct.Where(p => char.ToLowerInvariant(p[0]) == first)];
        }

        foreach (var phrase in distinct)
        {
            _firstTwo[FirstTwoIndex(phrase)] = true;
        }
    }

    /// <summary>Starts a scan of <paramref name="text"/>; the scan remembers what it searched, so it reads the text once.</summary>
    public Scanner Scan(ReadOnlySpan<char> text) => new(this, text);

    private bool StartsWithPhrase(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        if (!char.IsAsciiLetter(text[0]) || !_firstTwo[FirstTwoIndex(text)])
        {
            return false;
        }

        foreach (var phrase in _byFirstLetter[char.ToLowerInvariant(text[0]) - 'a'])
        {
            if (text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int FirstTwoIndex(ReadOnlySpan<char> text)
    {
        var first = char.ToLowerInvariant(text[0]) - 'a';
        var second = text.Length > 1 && char.IsAsciiLetter(text[1]) ? char.ToLowerInvariant(text[1]) - 'a' : 26;
        return (first * 27) + second;
    }

    /// <summary>
    /// One pass over a text. <see cref="Next"/> must be called with offsets that never decrease; each search result is
    /// kept until the caller passes it, so no part of the text is searched twice.
    /// </summary>
    internal ref struct Scanner
    {
        private const int NotSearched = -2;
        private const int None = -1;

        private readonly WordStartSearch _search;
        private readonly ReadOnlySpan<char> _text;
        private int _afterSpace = NotSearched;
        private int _afterOther = NotSearched;

        public Scanner(WordStartSearch search, ReadOnlySpan<char> text)
        {
            _search = search;
            _text = text;
        }

        /// <summary>The next offset at or after <paramref name="from"/> where a phrase starts a word, or -1.</summary>
        public int Next(int from)
        {
            if (from == 0 && _search.StartsWithPhrase(_text))
            {
                return 0;
            }

            if (_afterSpace == NotSearched || (_afterSpace != None && _afterSpace < from))
            {
                var searchFrom = Math.Max(from - 1, 0);
                var hit = searchFrom < _text.Length ? _text[searchFrom..].IndexOfAny(_search._afterSpace) : -1;
                _afterSpace = hit < 0 ? None : searchFrom + hit + 1;
            }

            if (_afterOther == NotSearched || (_afterOther != None && _afterOther < from))
            {
                _afterOther = NextAfterOther(Math.Max(from - 1, 0), from);
            }

            return (_afterSpace, _afterOther) switch
            {
                (None, var other) => other,
                (var space, None) => space,
                var (space, other) => Math.Min(space, other),
            };
        }

        private readonly int NextAfterOther(int searchFrom, int from)
        {
            var i = searchFrom;
            while (i < _text.Length - 1)
            {
                var other = _text[i..^1].IndexOfAny(OtherWordStarts);
                if (other < 0)
                {
                    return None;
                }

                var candidate = i + other + 1;
                if (candidate >= from && _search.StartsWithPhrase(_text[candidate..]))
                {
                    return candidate;
                }

                i = candidate;
            }

            return None;
        }
    }
}
