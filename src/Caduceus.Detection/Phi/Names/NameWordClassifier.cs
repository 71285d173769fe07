namespace Caduceus.Detection.Phi.Names;

/// <summary>Decides the <see cref="NameWordClass"/> of a word.</summary>
internal static class NameWordClassifier
{
    private const LexiconFlags Gazetteer = LexiconFlags.GivenName | LexiconFlags.Surname;

    // Endings of Slavic, Baltic, Romanian, Georgian, Armenian, Greek, Turkish, Persian and Nordic surnames.
    private static readonly string[] SurnameEndings =
    [
        "ski", "ska", "sky", "cki", "cka", "wicz", "vich", "vych", "ovic", "ović", "evic", "ević", "enko", "chuk",
        "czyk", "czak", "escu", "shvili", "adze", "idze", "opoulos", "poulos", "akis", "idis", "yan", "ova", "eva",
        "oglu", "oğlu", "zadeh", "ssen", "sson",
    ];

    // Beginnings of Yoruba, Igbo and Arabic names.
    private static readonly string[] NameBeginnings = ["oluwa", "olu", "chukwu", "nwa", "abdel", "abdul", "abu"];

    /// <summary>The class of <paramref name="token"/> in <paramref name="text"/>, whatever its neighbours.</summary>
    public static NameWordClass Classify(string text, in NameToken token)
    {
        if (token.Has(TokenTraits.TouchesDigit | TokenTraits.InCompound) || token.Shape == TokenShape.Other)
        {
            return NameWordClass.Break;
        }

        var flags = token.Flags;
        var isGazetteer = (flags & Gazetteer) != 0;
        if ((flags & LexiconFlags.Particle) != 0 && (token.Shape == TokenShape.Lower || !isGazetteer))
        {
            return NameWordClass.Particle;
        }

        if ((flags & LexiconFlags.NonName) != 0
            || (token.Shape == TokenShape.AllCaps && (flags & LexiconFlags.Abbreviation) != 0)
            || ((flags & LexiconFlags.Cue) != 0 && !IsNameRatherThanCue(text, token, isGazetteer)))
        {
            return NameWordClass.Break;
        }

        if (token.Shape == TokenShape.Initial)
        {
            return NameWordClass.Initial;
        }

        if ((flags & (LexiconFlags.MedicalTerm | LexiconFlags.Nationality)) != 0)
        {
            return NameWordClass.Soft;
        }

        if ((flags & (LexiconFlags.Organization | LexiconFlags.Street)) != 0)
        {
            // "Center", "Church", "Ave", "Permanente": even when a surname, more often an institution or a street.
            return NameWordClass.Break;
        }

        if (isGazetteer)
        {
            // A capitalized particle ("La", "De", "Van") is a name only in context; see NameSegmenter.
            return (flags & (LexiconFlags.CommonWord | LexiconFlags.Month | LexiconFlags.Particle)) != 0 ? NameWordClass.Weak : NameWordClass.Name;
        }

        if ((flags & (LexiconFlags.CommonWord | LexiconFlags.Month | LexiconFlags.Organization | LexiconFlags.Street
            | LexiconFlags.EponymHead | LexiconFlags.Suffix | LexiconFlags.Abbreviation)) != 0)
        {
            return NameWordClass.Break;
        }

        if ((flags & LexiconFlags.Eponym) != 0)
        {
            return NameWordClass.Soft;
        }

        return HasSurnameShape(text.AsSpan(token.Start, token.Length)) ? NameWordClass.Shaped : NameWordClass.Unknown;
    }

    // "Dias" ends the cue "buenos dias" but is a surname too; "Dear" and "Son" are cues wherever they stand.
    private static bool IsNameRatherThanCue(string text, in NameToken token, bool isGazetteer) =>
        isGazetteer && token.Shape != TokenShape.Lower && !NameCues.IsSingleWordCue(text.AsSpan(token.Start, token.Length));

    /// <summary>True for a word classed as a possible part of a name.</summary>
    public static bool IsNameWord(NameWordClass wordClass) => wordClass >= NameWordClass.Name;

    /// <summary>"McAllister", "MacArthur", "O'Dowd", "D'Souza", "Kowalczyk", "Petrenko", "Oluwaseyi".</summary>
    public static bool HasSurnameShape(ReadOnlySpan<char> word)
    {
        if (word.Length < 4)
        {
            return false;
        }

        if ((word.StartsWith("Mc", StringComparison.Ordinal) && char.IsUpper(word[2]))
            || (word.StartsWith("Mac", StringComparison.Ordinal) && char.IsUpper(word[3]))
            || (char.IsUpper(word[0]) && NameText.IsApostrophe(word[1]) && char.IsUpper(word[2])))
        {
            return true;
        }

        if (word.Length < 6)
        {
            return false;
        }

        foreach (var ending in SurnameEndings)
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var beginning in NameBeginnings)
        {
            if (word.StartsWith(beginning, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
