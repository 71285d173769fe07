namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// Scores a candidate name. A base score comes from what the words are (gazetteer given name, surname, a name that
/// is also a common word, a capitalized word in no list, an initial) and how they are arranged ("Given Surname",
/// "Surname, Given", "J. Surname"); a cue then raises it: a title or credential to at least 0.85, a label or
/// introduction to at least 0.8, a relative or mention next to the name to at least 0.6, one earlier in the
/// sentence by 0.1.
/// </summary>
internal static class NameScorer
{
    public const double TitleFloor = 0.85;
    public const double StrongFloor = 0.8;
    public const double LowercaseStrongFloor = 0.7;
    public const double MediumFloor = 0.6;
    public const double CueBoost = 0.3;
    public const double MediumBoost = 0.15;
    public const double NearbyBoost = 0.1;

    /// <summary>The score of <paramref name="candidate"/> with the cues before and after it.</summary>
    public static NameScore Score(NameDocument document, NameCandidate candidate, CueMatch after)
    {
        var (value, description) = candidate.Form switch
        {
            CandidateForm.SurnameFirst => SurnameFirst(document, candidate),
            CandidateForm.Lowercase => Lowercase(document, candidate),
            _ => Words(document, candidate),
        };

        var cue = CueMatch.Stronger(candidate.Before, after);
        var softOnly = OnlySoftWords(document, candidate) || IsAcronymLike(document, candidate);
        value = cue.Strength switch
        {
            CueStrength.Title => Math.Max(value + CueBoost, TitleFloor),
            CueStrength.Strong => Math.Max(value + CueBoost, candidate.Form == CandidateForm.Lowercase ? LowercaseStrongFloor : StrongFloor),
            CueStrength.Medium when softOnly => value + NearbyBoost,
            CueStrength.Medium => Math.Max(value + MediumBoost, MediumFloor),
            CueStrength.Nearby => value + NearbyBoost,
            _ => value,
        };

        if (cue.Strength < CueStrength.Medium && candidate.First == candidate.Last && document[candidate.First].Is(LexiconFlags.Month))
        {
            value = Math.Min(value, 0.35);
        }

        return new NameScore(Math.Round(Math.Min(1.0, value), 2), Explain(description, candidate.Before, after));
    }

    private static (double, string) Words(NameDocument document, NameCandidate candidate)
    {
        Span<int> names = stackalloc int[candidate.Last - candidate.First + 1];
        var count = 0;
        var initials = 0;
        var particles = 0;
        var allCaps = true;
        for (var i = candidate.First; i <= candidate.Last; i++)
        {
            switch (document.ClassOf(i))
            {
                case NameWordClass.Initial:
                    initials++;
                    break;
                case NameWordClass.Particle:
                    particles++;
                    break;
                default:
                    names[count++] = i;
                    allCaps &= document[i].Shape == TokenShape.AllCaps;
                    break;
            }
        }

        names = names[..count];
        var (value, description) = count > 1
            ? Several(document, names)
            : initials > 0 ? AfterInitial(document, names[0])
            : Single(document, names[0], particles > 0);

        if (allCaps)
        {
            // In capitals, capitalization says nothing: a lone word or an unknown one is likely an acronym.
            value = count > 1 ? value - (HasClass(document, names, NameWordClass.Unknown) ? 0.2 : 0.05) : SingleInCapitals(document, names[0]);
            description += " in capitals";
        }

        if (count == 1 && document.ClassOf(names[0]) == NameWordClass.Unknown && document[names[0]].Has(TokenTraits.Possessive))
        {
            value += 0.1;
        }

        return (value, description);
    }

    private static (double, string) Several(NameDocument document, ReadOnlySpan<int> names)
    {
        var first = names[0];
        var last = names[^1];
        var firstClass = document.ClassOf(first);
        var lastClass = document.ClassOf(last);

        for (var i = 0; i < names.Length; i++)
        {
            if (!IsStrongGiven(document, names[i]))
            {
                continue;
            }

            for (var j = i + 1; j < names.Length; j++)
            {
                if (IsStrongSurname(document, names[j]))
                {
                    return (names.Length > 2 || last - first + 1 > names.Length ? 0.9 : 0.85, "given name and surname in gazetteer");
                }
            }
        }

        if (IsStrongSurname(document, last))
        {
            if (firstClass is NameWordClass.Weak or NameWordClass.Soft && document[first].Is(LexiconFlags.GivenName))
            {
                return (0.75, "given name that is also a common word, and surname in gazetteer");
            }

            if (firstClass is NameWordClass.Unknown or NameWordClass.Shaped)
            {
                return (document.IsSentenceStart(first) ? 0.6 : 0.65, "capitalized word and surname in gazetteer");
            }
        }

        if (IsStrongGiven(document, first))
        {
            return lastClass switch
            {
                NameWordClass.Weak or NameWordClass.Soft => (0.8, "given name in gazetteer and surname that is also a common word"),
                NameWordClass.Shaped => (0.8, "given name in gazetteer and word shaped like a surname"),
                NameWordClass.Unknown => (0.75, "given name in gazetteer and capitalized word"),
                _ => (0.75, "names in gazetteer"),
            };
        }

        if (AllOfClass(document, names, NameWordClass.Name))
        {
            return (0.75, "names in gazetteer");
        }

        if (HasClass(document, names, NameWordClass.Shaped))
        {
            return (0.5, "capitalized words shaped like a name");
        }

        return HasClass(document, names, NameWordClass.Unknown)
            ? (0.35, "capitalized words")
            : (0.45, "names that are also common words");
    }

    private static (double, string) AfterInitial(NameDocument document, int name) => document.ClassOf(name) switch
    {
        NameWordClass.Name when document[name].Is(LexiconFlags.Surname) => (0.75, "initial and surname in gazetteer"),
        NameWordClass.Weak when document[name].Is(LexiconFlags.Surname) => (0.6, "initial and surname that is also a common word"),
        NameWordClass.Name => (0.55, "initial and name in gazetteer"),
        NameWordClass.Shaped => (0.55, "initial and word shaped like a surname"),
        NameWordClass.Unknown => (0.45, "initial and capitalized word"),
        _ => (0.3, "initial and medical or descriptive word"),
    };

    private static (double, string) Single(NameDocument document, int name, bool afterParticle)
    {
        var start = !afterParticle && (document.IsSentenceStart(name) || document.IsInTitleCase(name));
        var wordClass = document.ClassOf(name);
        var (value, description) = wordClass switch
        {
            NameWordClass.Name when document[name].Length <= 2 => (start ? 0.3 : 0.4, "short name in gazetteer"),
            NameWordClass.Name => (start ? 0.55 : 0.6, afterParticle ? "particle and surname in gazetteer" : "name in gazetteer"),
            NameWordClass.Weak => (start ? 0.3 : 0.45, "name that is also a common word"),
            NameWordClass.Shaped => (start ? 0.45 : 0.5, afterParticle ? "particle and word shaped like a surname" : "word shaped like a surname"),
            NameWordClass.Unknown => (afterParticle ? 0.4 : start ? 0.2 : 0.3, afterParticle ? "particle and capitalized word" : "capitalized word"),
            _ => (0.25, "medical or descriptive word that is sometimes a name"),
        };

        // "Neck: Supple", "Temp 98.6", "in Springfield": a field value, a measurement's label or a place, more often than a name.
        if (!afterParticle && (document.IsAfterHeading(name) || IsBeforeNumber(document, name) && wordClass == NameWordClass.Weak
            || IsAfterPlaceWord(document, name)))
        {
            value = Math.Min(value, 0.35);
        }

        return (value, description);
    }

    private static bool IsBeforeNumber(NameDocument document, int name)
    {
        var gap = document.GapAfter(name);
        return gap.Length >= 2 && gap[0] == ' ' && char.IsAsciiDigit(gap[1]);
    }

    private static bool IsAfterPlaceWord(NameDocument document, int name) =>
        name > 0 && document.IsSpaceBefore(name) && NameVocabulary.IsPlaceWord(document.WordAt(name - 1));

    private static double SingleInCapitals(NameDocument document, int name) => document.ClassOf(name) switch
    {
        NameWordClass.Name => document[name].Length >= 4 ? 0.45 : 0.25,
        NameWordClass.Shaped => 0.4,
        NameWordClass.Weak => 0.25,
        _ => 0.1,
    };

    private static (double, string) SurnameFirst(NameDocument document, NameCandidate candidate) => document.ClassOf(candidate.First) switch
    {
        NameWordClass.Name => (0.85, "surname, given name in gazetteer"),
        NameWordClass.Weak or NameWordClass.Soft or NameWordClass.Shaped => (0.8, "surname, given name in gazetteer"),
        _ => (0.65, "capitalized word, given name in gazetteer"),
    };

    private static (double, string) Lowercase(NameDocument document, NameCandidate candidate) =>
        candidate.Last > candidate.First && document.ClassOf(candidate.First) == NameWordClass.Name
            ? (0.6, "lower-case names in gazetteer")
            : document.ClassOf(candidate.First) switch
            {
                NameWordClass.Name => (0.5, "lower-case name in gazetteer"),
                _ => (0.3, "lower-case word"),
            };

    private static string Explain(string description, CueMatch before, CueMatch after)
    {
        var explanation = "name: " + description;
        if (before.Found)
        {
            explanation += before.Strength switch
            {
                CueStrength.Title => $", title '{before.Phrase!.Text}' before",
                CueStrength.Nearby => $", cue '{before.Phrase!.Text}' nearby",
                _ => $", cue '{before.Phrase!.Text}' before",
            };
        }

        if (after.Found)
        {
            explanation += after.Strength == CueStrength.Title
                ? $", credential '{after.Phrase!.Text}' after"
                : $", cue '{after.Phrase!.Text}' after";
        }

        return explanation;
    }

    // "Pt SSN": a lone unknown word in capitals is an acronym more often than a name, even after a mention.
    private static bool IsAcronymLike(NameDocument document, NameCandidate candidate) =>
        candidate.First == candidate.Last && document[candidate.First].Shape == TokenShape.AllCaps
        && document.ClassOf(candidate.First) is NameWordClass.Unknown or NameWordClass.Shaped;

    private static bool OnlySoftWords(NameDocument document, NameCandidate candidate)
    {
        for (var i = candidate.First; i <= candidate.Last; i++)
        {
            if (document.ClassOf(i) is NameWordClass.Name or NameWordClass.Weak or NameWordClass.Unknown or NameWordClass.Shaped)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsStrongGiven(NameDocument document, int index) =>
        document.ClassOf(index) == NameWordClass.Name && document[index].Is(LexiconFlags.GivenName);

    private static bool IsStrongSurname(NameDocument document, int index) =>
        document.ClassOf(index) == NameWordClass.Name && document[index].Is(LexiconFlags.Surname);

    private static bool HasClass(NameDocument document, ReadOnlySpan<int> names, NameWordClass wordClass)
    {
        foreach (var name in names)
        {
            if (document.ClassOf(name) == wordClass)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllOfClass(NameDocument document, ReadOnlySpan<int> names, NameWordClass wordClass)
    {
        foreach (var name in names)
        {
            if (document.ClassOf(name) != wordClass)
            {
                return false;
            }
        }

        return true;
    }
}
