using System.Collections.Frozen;

namespace Caduceus.Detection.Phi.Names;

/// <summary>Builds the <see cref="NameLexicon"/> from its sources. Runs once per process.</summary>
internal static class NameLexiconBuilder
{
    /// <summary>Embedded word lists and the flag each gives its words. Provenance: Phi/Names/README.md.</summary>
    private static readonly (string File, LexiconFlags Flags)[] WordLists =
    [
        ("census-1990-last-names.txt", LexiconFlags.Surname),
        ("census-1990-first-names.txt", LexiconFlags.GivenName),
        ("first-names.txt", LexiconFlags.GivenName),
        ("last-names.txt", LexiconFlags.Surname),
        ("gpt2-common-words.txt", LexiconFlags.CommonWord),
        ("non-name-words.txt", LexiconFlags.NonName),
        ("abbreviations.txt", LexiconFlags.Abbreviation),
        ("medical-terms.txt", LexiconFlags.MedicalTerm),
        ("eponyms.txt", LexiconFlags.Eponym),
        ("eponym-heads.txt", LexiconFlags.EponymHead),
        ("organization-words.txt", LexiconFlags.Organization),
        ("street-words.txt", LexiconFlags.Street),
        ("places.txt", LexiconFlags.Place),
        ("nationalities.txt", LexiconFlags.Nationality),
        ("months.txt", LexiconFlags.Month),
    ];

    /// <summary>The lexicon of every embedded list, the Bogus locales and the cue vocabulary.</summary>
    public static NameLexicon BuildDefault()
    {
        var entries = new Dictionary<string, LexiconFlags>(200_000, StringComparer.OrdinalIgnoreCase);
        foreach (var (file, flags) in WordLists)
        {
            foreach (var word in WordListResource.Read(file))
            {
                Add(entries, word, flags);
            }
        }

        foreach (var (word, flags) in BogusNames.Read())
        {
            Add(entries, word, flags);
        }

        foreach (var word in NameCues.Words)
        {
            Add(entries, word, LexiconFlags.Cue);
        }

        foreach (var word in NameVocabulary.Particles)
        {
            Add(entries, word, LexiconFlags.Particle);
        }

        foreach (var word in NameVocabulary.Suffixes)
        {
            Add(entries, word, LexiconFlags.Suffix);
        }

        ShareFlagsWithFoldedSpellings(entries);
        return new NameLexicon(entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    // "Yılmaz" (a Turkish given name in Bogus) is also "Yilmaz" (a surname in the project's list): one word, one entry.
    private static void ShareFlagsWithFoldedSpellings(Dictionary<string, LexiconFlags> entries)
    {
        foreach (var word in entries.Keys.ToArray())
        {
            var folded = NameText.Fold(word);
            if (!ReferenceEquals(folded, word) && entries.TryGetValue(folded, out var flags))
            {
                entries[word] |= flags;
            }
        }
    }

    /// <summary>Adds <paramref name="word"/> and its accent-folded spelling ("José" and "Jose").</summary>
    public static void Add(Dictionary<string, LexiconFlags> entries, string word, LexiconFlags flags)
    {
        if (word.Length == 0 || word.Length > NameText.MaxWordLength)
        {
            return;
        }

        Merge(entries, word, flags);
        var folded = NameText.Fold(word);
        if (!ReferenceEquals(folded, word))
        {
            Merge(entries, folded, flags);
        }
    }

    private static void Merge(Dictionary<string, LexiconFlags> entries, string word, LexiconFlags flags)
    {
        ref var existing = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(entries, word, out _);
        existing |= flags;
    }
}
