using System.Collections.Frozen;

namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// Words around a name that make it more likely to be one: titles ("Dr."), labels ("Name:", "signed by"),
/// introductions ("my name is", "me llamo"), closings ("Sincerely,"), relatives ("daughter", "esposa") and mentions
/// ("patient", "spoke with") before it; credentials ("MD", "RN"), a relation (", his wife") or "calling" after it.
/// Written for Caduceus by its engineers. Matching is case-insensitive on whole words.
/// </summary>
internal static class NameCues
{
    /// <summary>Words that may stand between a cue and the name (see <see cref="NameVocabulary.Fillers"/>).</summary>
    private const int MaxFillers = 2;

    /// <summary>Words looked back for a cue in the same sentence that is not next to the name.</summary>
    private const int NearbyWindow = 8;

    private static readonly CuePhrase[] Phrases =
    [
        .. Many(CueKind.Title,
            "dr", "doctor", "dra", "mr", "mrs", "ms", "miss", "mx", "mister", "prof", "professor", "sr", "sra", "srta",
            "señor", "señora", "señorita", "senor", "senora", "senorita", "doña", "rev", "reverend", "fr", "pastor",
            "rabbi", "imam", "mme", "mlle", "herr", "frau"),
        .. Many(CueKind.Label,
            "name", "patient name", "pt name", "full name", "first name", "last name", "given name", "legal name",
            "preferred name", "maiden name", "member name", "surname", "nombre", "signed by", "electronically signed by",
            "signed", "dictated by", "authenticated by", "transcribed by", "reviewed by", "attending",
            "attending physician", "referring physician", "referring provider", "referred by", "primary care physician",
            "pcp", "provider", "physician", "surgeon", "dear", "attn", "attention", "cc", "guarantor", "subscriber",
            "policyholder", "insured", "witness"),
        .. Many(CueKind.Introduction,
            "my name is", "name is", "name was", "call me", "me llamo", "mi nombre es", "se llama", "nombre es"),
        .. Many(CueKind.Closing,
            "sincerely", "regards", "best regards", "kind regards", "warm regards", "respectfully", "thanks",
            "thank you", "cheers", "best", "cordially", "yours truly", "atentamente", "saludos"),
        .. Many(CueKind.Relation,
            "son", "daughter", "wife", "husband", "mother", "father", "mom", "dad", "mum", "brother", "sister",
            "grandmother", "grandfather", "grandma", "grandpa", "grandson", "granddaughter", "aunt", "uncle", "niece",
            "nephew", "cousin", "spouse", "partner", "fiance", "fiancé", "fiancee", "fiancée", "boyfriend", "girlfriend",
            "friend", "neighbor", "neighbour", "roommate", "caregiver", "caretaker", "guardian", "sibling", "stepson",
            "stepdaughter", "stepmother", "stepfather", "son-in-law", "daughter-in-law", "mother-in-law",
            "father-in-law", "brother-in-law", "sister-in-law", "child", "emergency contact", "contact", "next of kin", "nok",
            "poa", "power of attorney", "health care proxy", "healthcare proxy", "proxy", "surrogate", "interpreter",
            "translator", "hijo", "hija", "esposo", "esposa", "marido", "madre", "padre", "mamá", "papá", "hermano",
            "hermana", "abuelo", "abuela", "nieto", "nieta", "tío", "tía", "primo", "prima", "amigo", "amiga",
            "vecino", "vecina", "cuidador", "cuidadora"),
        .. Many(CueKind.Mention,
            "patient", "pt", "client", "resident", "the patient", "el paciente", "la paciente", "paciente",
            "spoke with", "spoke to", "talked with", "talked to", "discussed with", "seen by", "seen with",
            "evaluated by", "examined by", "accompanied by", "brought in by", "nurse", "rn", "np", "intern", "fellow",
            "therapist", "pharmacist", "hi", "hello", "hey", "hola", "good morning", "good afternoon", "good evening",
            "buenos dias", "buenas tardes", "i am", "i'm", "soy", "yo soy", "this is"),
    ];

    private static readonly FrozenDictionary<string, CuePhrase[]> ByLastWord = Phrases
        .GroupBy(phrase => phrase.Words[^1], StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(
            group => group.Key,
            group => group.OrderByDescending(phrase => phrase.Words.Length).ToArray(),
            StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, CuePhrase[]>.AlternateLookup<ReadOnlySpan<char>> ByLastWordLookup =
        ByLastWord.GetAlternateLookup<ReadOnlySpan<char>>();

    // Credentials after a name count like a title before it ("Ortiz, RN" as "Nurse Ortiz").
    private static readonly CuePhrase[] Credentials =
    [
        .. NameVocabulary.Credentials.OrderByDescending(credential => credential.Length).Select(credential => new CuePhrase(credential, CueKind.Title)),
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CallingWords =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "calling", "speaking", "here", "from").GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly CuePhrase Calling = new("this is ... calling", CueKind.Introduction);

    private static readonly FrozenSet<string> SingleWordCues = Phrases
        .Where(phrase => phrase.Words.Length == 1)
        .Select(phrase => phrase.Text)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SingleWordCueLookup =
        SingleWordCues.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The last word of every cue phrase: the lexicon marks them, so that a phrase is only looked for where one may end.</summary>
    public static IEnumerable<string> Words => ByLastWord.Keys;

    /// <summary>
    /// One word (the longest) of each cue after which a lower-case word may be a name (titles, labels,
    /// introductions, relatives): a text with none of them and no capital letter has no name to find.
    /// </summary>
    public static IEnumerable<string> LowercaseCueWords => Phrases
        .Where(phrase => phrase.Kind is CueKind.Title or CueKind.Label or CueKind.Introduction or CueKind.Relation)
        .Select(phrase => phrase.Words.MaxBy(word => word.Length)!)
        .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a word that is a cue on its own ("Dear", "son"); "Dias" is one only after "buenos".</summary>
    public static bool IsSingleWordCue(ReadOnlySpan<char> word) => SingleWordCueLookup.Contains(word);

    /// <summary>The cue before the name that starts at word <paramref name="first"/>: next to it, or earlier in the sentence.</summary>
    public static CueMatch FindBefore(NameDocument document, int first)
    {
        var adjacent = FindAdjacentBefore(document, first);
        return adjacent.Found ? adjacent : FindNearbyBefore(document, first);
    }

    /// <summary>A cue after the name that ends at word <paramref name="last"/>: a credential, a relation, or "calling".</summary>
    public static CueMatch FindAfter(NameDocument document, int last, CueMatch before)
    {
        var credential = FindCredentialAfter(document, last);
        if (credential.Found)
        {
            return credential;
        }

        if (before.Phrase?.Text == "this is" && last + 1 < document.Count && document.IsSpaceBefore(last + 1)
            && CallingWords.Contains(document.WordAt(last + 1)))
        {
            return new CueMatch(Calling, CueStrength.Strong);
        }

        return FindRelationAfter(document, last);
    }

    /// <summary>
    /// The cue phrase that ends at word <paramref name="index"/>, if any: its words must be consecutive and
    /// separated by spaces only.
    /// </summary>
    public static CuePhrase? PhraseEndingAt(NameDocument document, int index)
    {
        if (!document[index].Is(LexiconFlags.Cue) || !ByLastWordLookup.TryGetValue(document.WordAt(index), out var candidates))
        {
            return null;
        }

        foreach (var phrase in candidates)
        {
            if (Matches(document, index, phrase))
            {
                return phrase;
            }
        }

        return null;
    }

    private static CueMatch FindAdjacentBefore(NameDocument document, int first)
    {
        var right = first;
        var fillers = 0;
        var labelled = false;
        var newline = false;
        for (var k = first - 1; k >= 0; k--)
        {
            if (!document.CueGapAllows(k, right, out var gapLabelled, out var gapNewline))
            {
                return CueMatch.None;
            }

            // A line break separates a cue from the name only after a label's colon or a letter's closing.
            labelled |= gapLabelled;
            newline |= gapNewline;
            var phrase = PhraseEndingAt(document, k);
            if (phrase is not null)
            {
                if (newline && !labelled && phrase.Kind != CueKind.Closing)
                {
                    return CueMatch.None;
                }

                return new CueMatch(phrase, phrase.StrengthWhenAdjacent(labelled));
            }

            if (newline || fillers == MaxFillers || !NameVocabulary.IsFiller(document.WordAt(k)))
            {
                return CueMatch.None;
            }

            fillers++;
            right = k;
        }

        return CueMatch.None;
    }

    private static CueMatch FindNearbyBefore(NameDocument document, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - NearbyWindow; k--)
        {
            if (document.IsBoundaryBefore(k + 1))
            {
                return CueMatch.None;
            }

            var phrase = PhraseEndingAt(document, k);
            if (phrase is { Kind: not (CueKind.Title or CueKind.Closing) })
            {
                return new CueMatch(phrase, CueStrength.Nearby);
            }
        }

        return CueMatch.None;
    }

    private static CueMatch FindCredentialAfter(NameDocument document, int last)
    {
        var token = document[last];
        if (token.Has(TokenTraits.Possessive))
        {
            return CueMatch.None;
        }

        var text = document.Text;
        var i = token.End;
        var commas = 0;
        while (i < text.Length && text[i] is ' ' or '\t' or ',')
        {
            commas += text[i] == ',' ? 1 : 0;
            i++;
        }

        // Every credential starts with a capital: most names are followed by something else.
        if (i == token.End || commas > 1 || i == text.Length || !char.IsAsciiLetterUpper(text[i]))
        {
            return CueMatch.None;
        }

        var rest = text.AsSpan(i);
        foreach (var credential in Credentials)
        {
            if (rest.StartsWith(credential.Text, StringComparison.Ordinal)
                && (rest.Length == credential.Text.Length || !char.IsLetterOrDigit(rest[credential.Text.Length])))
            {
                return new CueMatch(credential, CueStrength.Title);
            }
        }

        return CueMatch.None;
    }

    // "Maria, his wife, ...", "Mark (son)", "Ana, the patient's daughter".
    private static CueMatch FindRelationAfter(NameDocument document, int last)
    {
        var gap = document.GapAfter(last);
        if (document[last].Has(TokenTraits.Possessive) || gap.ContainsAnyExcept(" \t,(") || !gap.ContainsAny(',', '('))
        {
            return CueMatch.None;
        }

        for (var k = last + 1; k < document.Count && k <= last + 1 + MaxFillers; k++)
        {
            if (k > last + 1 && !document.IsSpaceBefore(k) && !document.IsAfterPossessive(k))
            {
                return CueMatch.None;
            }

            var phrase = PhraseEndingAt(document, k);
            if (phrase is { Kind: CueKind.Relation, Words.Length: 1 })
            {
                return new CueMatch(phrase, CueStrength.Medium);
            }

            var isFiller = NameVocabulary.IsFiller(document.WordAt(k))
                || (document[k].Has(TokenTraits.Possessive) && phrase is { Kind: CueKind.Mention });
            if (!isFiller)
            {
                return CueMatch.None;
            }
        }

        return CueMatch.None;
    }

    private static bool Matches(NameDocument document, int lastIndex, CuePhrase phrase)
    {
        var words = phrase.Words;
        var first = lastIndex - (words.Length - 1);
        if (first < 0)
        {
            return false;
        }

        for (var w = 0; w < words.Length; w++)
        {
            var index = first + w;
            if (!document.WordAt(index).Equals(words[w], StringComparison.OrdinalIgnoreCase)
                || (w > 0 && !document.IsSpaceBefore(index)))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<CuePhrase> Many(CueKind kind, params string[] phrases) => phrases.Select(text => new CuePhrase(text, kind));
}
