using System.Collections.Frozen;

namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// Every word the name rules know, in one frozen dictionary compared case-insensitively: gazetteer given names and
/// surnames, common English words, clinical words, eponyms, cue words. One lookup per word of the text; accented
/// ("José"), apostrophe ("O'Brien" → "OBrien") and hyphenated ("Okonkwo-Adeyemi") spellings fall back to their parts.
/// Immutable and thread-safe.
/// </summary>
internal sealed class NameLexicon
{
    private static readonly Lazy<NameLexicon> Shared = new(NameLexiconBuilder.BuildDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, LexiconFlags> _entries;
    private readonly FrozenDictionary<string, LexiconFlags>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameLexicon(FrozenDictionary<string, LexiconFlags> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!ReferenceEquals(entries.Comparer, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The lexicon must compare words with StringComparer.OrdinalIgnoreCase.", nameof(entries));
        }

        _entries = entries;
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The built-in lexicon, built from the embedded word lists and Bogus on first use (about a second), then shared.</summary>
    public static NameLexicon Default => Shared.Value;

    /// <summary>Number of distinct spellings known.</summary>
    public int Count => _entries.Count;

    /// <summary>What is known about <paramref name="word"/>; <see cref="LexiconFlags.None"/> for an unknown word.</summary>
    public LexiconFlags Lookup(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > NameText.MaxWordLength)
        {
            return LexiconFlags.None;
        }

        if (_lookup.TryGetValue(word, out var flags))
        {
            return flags;
        }

        Span<char> buffer = stackalloc char[NameText.MaxWordLength * 4];
        scoped var spelling = word;
        if (word.IndexOfAnyExceptInRange('\0', '\u007F') >= 0)
        {
            spelling = buffer[..NameText.Fold(word, buffer)];
            if (_lookup.TryGetValue(spelling, out flags))
            {
                return flags;
            }
        }

        if (spelling.IndexOf('\'') >= 0)
        {
            return LookupWithoutApostrophes(spelling, buffer[(NameText.MaxWordLength * 2)..]);
        }

        return spelling.IndexOf('-') >= 0 ? LookupParts(spelling) : LexiconFlags.None;
    }

    // "O'Brien" is "Obrien" in the Census list; "don't" and "I'm" are contractions, never names.
    private LexiconFlags LookupWithoutApostrophes(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var apostrophe = word.LastIndexOf('\'');
        var tail = word[(apostrophe + 1)..];
        if (apostrophe > 0 && IsContraction(tail))
        {
            return LexiconFlags.CommonWord;
        }

        var length = 0;
        foreach (var c in word)
        {
            if (c != '\'')
            {
                buffer[length++] = c;
            }
        }

        var joined = buffer[..length];
        if (_lookup.TryGetValue(joined, out var flags))
        {
            return flags;
        }

        // "N'Diaye", "D'Souza": the part after the apostrophe.
        return _lookup.TryGetValue(tail, out flags) ? flags & (LexiconFlags.GivenName | LexiconFlags.Surname) : LexiconFlags.None;
    }

    private static bool IsContraction(ReadOnlySpan<char> tail) =>
        tail.Equals("t", StringComparison.OrdinalIgnoreCase) || tail.Equals("m", StringComparison.OrdinalIgnoreCase)
        || tail.Equals("d", StringComparison.OrdinalIgnoreCase) || tail.Equals("re", StringComparison.OrdinalIgnoreCase)
        || tail.Equals("ve", StringComparison.OrdinalIgnoreCase) || tail.Equals("ll", StringComparison.OrdinalIgnoreCase);

    // A hyphenated word is a name when its parts are names ("Mary-Jane", "Smith-Jones", "al-Hassan"), and not a name
    // when any part is an ordinary word ("Follow-Up", "Non-Hodgkin", "Spanish-speaking").
    private LexiconFlags LookupParts(ReadOnlySpan<char> word)
    {
        var combined = LexiconFlags.None;
        foreach (var range in word.Split('-'))
        {
            var part = word[range];
            if (part.IsEmpty)
            {
                continue;
            }

            _lookup.TryGetValue(part, out var flags);
            if ((flags & LexiconFlags.Particle) != 0 && (flags & (LexiconFlags.GivenName | LexiconFlags.Surname)) == 0)
            {
                continue;
            }

            var isName = (flags & (LexiconFlags.GivenName | LexiconFlags.Surname)) != 0;
            if ((flags & (LexiconFlags.NonName | LexiconFlags.Cue)) != 0 || ((flags & LexiconFlags.CommonWord) != 0 && !isName))
            {
                return LexiconFlags.NonName;
            }

            combined |= flags;
        }

        // A common-word part ("Mary-Rose") does not make the whole word common.
        return (combined & (LexiconFlags.GivenName | LexiconFlags.Surname)) != 0 ? combined & ~LexiconFlags.CommonWord : combined;
    }
}
