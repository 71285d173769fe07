namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// Finds the runs of words that may be names: capitalized words joined by single spaces (initials with their
/// periods, particles between), trimmed of words that only a cue could make part of a name; "Surname, Given" pairs;
/// and lower-case words right after a title, a label or a self-introduction.
/// </summary>
internal static class NameSegmenter
{
    /// <summary>A run longer than this is a heading in title case, not a name; it is cut into pieces this long.</summary>
    private const int MaxRunWords = 6;

    /// <summary>Most lower-case words taken after a cue ("maria de la cruz").</summary>
    private const int MaxLowercaseWords = 4;

    /// <summary>Appends the candidate names of <paramref name="document"/> to <paramref name="candidates"/>, in reading order.</summary>
    public static void Find(NameDocument document, List<NameCandidate> candidates)
    {
        ResolveInitials(document);
        ResolveParticles(document);
        ResolveTitled(document);
        var i = 0;
        while (i < document.Count)
        {
            if (!IsRunWord(document, i))
            {
                i++;
                continue;
            }

            var end = i;
            while (end + 1 < document.Count && end - i + 1 < MaxRunWords && Joins(document, end) && IsRunWord(document, end + 1))
            {
                end++;
            }

            var candidate = Trim(document, i, end);
            if (candidate is { } found)
            {
                AddOrJoinSurnameFirst(document, candidates, found);
            }

            i = end + 1;
        }

        FindLowercase(document, candidates);
    }

    // A lone capital is an initial with its period ("J. Smith") or between two names ("John A Smith"), never "I".
    private static void ResolveInitials(NameDocument document)
    {
        for (var i = 0; i < document.Count; i++)
        {
            if (document.ClassOf(i) != NameWordClass.Initial || document[i].Has(TokenTraits.PeriodAfter))
            {
                continue;
            }

            var between = document.Text[document[i].Start] != 'I'
                && i > 0 && i + 1 < document.Count
                && NameWordClassifier.IsNameWord(document.ClassOf(i - 1)) && NameWordClassifier.IsNameWord(document.ClassOf(i + 1))
                && document.IsSpaceBefore(i) && document.IsSpaceBefore(i + 1);
            if (!between)
            {
                document.Reclassify(i, NameWordClass.Break);
            }
        }
    }

    // "De La Cruz", "Van Buren": a capitalized particle before a capitalized name is part of a surname.
    private static void ResolveParticles(NameDocument document)
    {
        for (var i = document.Count - 2; i >= 0; i--)
        {
            if (document.ClassOf(i) == NameWordClass.Weak && document[i].Is(LexiconFlags.Particle) && document[i].Shape == TokenShape.Capitalized
                && document.IsSpaceBefore(i + 1) && document[i + 1].IsCapitalized
                && document.ClassOf(i + 1) is NameWordClass.Particle or NameWordClass.Name or NameWordClass.Shaped or NameWordClass.Unknown)
            {
                document.Reclassify(i, NameWordClass.Particle);
            }
        }
    }

    // "Dr. Kaiser", "Dr. Best", "Mrs. Church": after a title, a capitalized surname is a name even when it is also
    // an institution, a street or a cue word.
    private static void ResolveTitled(NameDocument document)
    {
        for (var i = 1; i < document.Count; i++)
        {
            var token = document[i];
            if (document.ClassOf(i) != NameWordClass.Break || !token.IsCapitalized || token.Shape == TokenShape.Initial
                || !token.Is(LexiconFlags.GivenName | LexiconFlags.Surname) || token.Is(LexiconFlags.NonName)
                || token.Has(TokenTraits.TouchesDigit | TokenTraits.InCompound)
                || !document[i - 1].Is(LexiconFlags.Cue) || NameCues.PhraseEndingAt(document, i - 1) is not { Kind: CueKind.Title }
                || !document.CueGapAllows(i - 1, i, out _, out var newline) || newline)
            {
                continue;
            }

            document.Reclassify(i, token.Is(LexiconFlags.CommonWord) ? NameWordClass.Weak : NameWordClass.Name);
        }
    }

    private static bool IsRunWord(NameDocument document, int index)
    {
        var wordClass = document.ClassOf(index);
        if (wordClass == NameWordClass.Break)
        {
            return false;
        }

        return wordClass == NameWordClass.Particle || document[index].IsCapitalized;
    }

    // Words of one name are separated by a space, or by the period of an initial ("J. R. Smith", "J.R. Smith").
    private static bool Joins(NameDocument document, int index)
    {
        var token = document[index];
        if (token.Has(TokenTraits.Possessive))
        {
            return false;
        }

        if (document.IsSpaceBefore(index + 1))
        {
            return true;
        }

        if (token.Shape != TokenShape.Initial || !token.Has(TokenTraits.PeriodAfter))
        {
            return false;
        }

        var gap = document.GapBefore(index + 1);
        return gap.Length <= 3 && gap[0] == '.' && !gap[1..].ContainsAnyExcept(' ');
    }

    private static NameCandidate? Trim(NameDocument document, int first, int last)
    {
        var before = NameCues.FindBefore(document, first);
        var supported = before.Strength >= CueStrength.Medium || NameCues.FindAfter(document, last, before).Strength >= CueStrength.Strong;
        var changed = true;
        while (changed && first <= last)
        {
            changed = false;
            if (!KeepFirst(document, first, last, supported))
            {
                first++;
                changed = true;
                supported = false;
            }
            else if (!KeepLast(document, first, last, supported))
            {
                last--;
                changed = true;
            }
        }

        if (first > last || !HasNameWord(document, first, last))
        {
            return null;
        }

        if (!supported)
        {
            before = NameCues.FindBefore(document, first);
        }

        return new NameCandidate(first, last, CandidateForm.Words, before);
    }

    private static bool KeepFirst(NameDocument document, int first, int last, bool supported)
    {
        var next = NextNameWord(document, first + 1, last);
        switch (document.ClassOf(first))
        {
            case NameWordClass.Particle:
            case NameWordClass.Initial:
                return next >= 0;
            case NameWordClass.Unknown:
                // "Rubija Lopez" (before a surname), not "Lisinopril Smith"; alone, it is scored alone.
                return supported || next < 0 || IsSurname(document, next) || document.ClassOf(next) == NameWordClass.Shaped;
            case NameWordClass.Weak:
            case NameWordClass.Soft:
                // "Will Smith" and "Christian Lopez" lead with a given name; "Grace" alone is scored alone.
                return supported || next < 0 || document[first].Is(LexiconFlags.GivenName);
            default:
                return true;
        }
    }

    private static bool KeepLast(NameDocument document, int first, int last, bool supported)
    {
        if (first == last)
        {
            return NameWordClassifier.IsNameWord(document.ClassOf(last));
        }

        var previous = PreviousNameWord(document, first, last - 1);
        switch (document.ClassOf(last))
        {
            case NameWordClass.Particle:
                return false;
            case NameWordClass.Initial:
                // "Maria L." keeps its initial; a stray capital after a surname does not belong.
                return document[last].Has(TokenTraits.PeriodAfter) && previous >= 0 && IsGiven(document, previous);
            case NameWordClass.Unknown:
                // "Maria Okonkwo" (after a given name), not "Smith Cardiomyopathy" nor "GEORGE DOB".
                if (document[last].Shape == TokenShape.AllCaps && !supported)
                {
                    return false;
                }

                return supported || (previous >= 0 && IsGiven(document, previous)) || document.ClassOf(last - 1) is NameWordClass.Particle or NameWordClass.Initial;
            case NameWordClass.Weak:
            case NameWordClass.Soft:
                // "John White", "John English"; not "Smith Will" ("Dr. Smith Will see you").
                return previous >= 0 && IsGiven(document, previous) && document[last].Is(LexiconFlags.Surname | LexiconFlags.Eponym | LexiconFlags.MedicalTerm | LexiconFlags.Nationality);
            default:
                return true;
        }
    }

    // "Lopez, Maria": a lone surname, a comma, then a run that opens with a given name.
    private static void AddOrJoinSurnameFirst(NameDocument document, List<NameCandidate> candidates, NameCandidate candidate)
    {
        if (candidates.Count > 0)
        {
            var previous = candidates[^1];
            if (previous.Form == CandidateForm.Words && previous.First == previous.Last && previous.Last + 1 == candidate.First
                && IsSurnameFirst(document, previous.Last, candidate))
            {
                candidates[^1] = new NameCandidate(previous.First, candidate.Last, CandidateForm.SurnameFirst, previous.Before);
                return;
            }
        }

        candidates.Add(candidate);
    }

    private static bool IsSurnameFirst(NameDocument document, int surname, NameCandidate given)
    {
        var surnameClass = document.ClassOf(surname);
        var gap = document.GapBefore(given.First);

        // A surname that is also a common word ("No, Paris") counts only in a form written in capitals ("WHITE, JOHN").
        var inCapitals = document[surname].Shape == TokenShape.AllCaps && document[given.First].Shape == TokenShape.AllCaps;
        return !document[surname].Has(TokenTraits.Possessive)
            && gap.Length is >= 2 and <= 3 && gap[0] == ',' && !gap[1..].ContainsAnyExcept(' ')
            && ((surnameClass == NameWordClass.Name && document[surname].Is(LexiconFlags.Surname))
                || surnameClass is NameWordClass.Shaped or NameWordClass.Unknown
                || (inCapitals && surnameClass is NameWordClass.Weak or NameWordClass.Soft && document[surname].Is(LexiconFlags.Surname)))
            && document.ClassOf(given.First) == NameWordClass.Name && document[given.First].Is(LexiconFlags.GivenName)
            && given.Last - given.First < 3;
    }

    // "my name is maria lopez", "dr. okonkwo": lower-case names are taken only right after a title, a label or an
    // introduction, and only gazetteer names unless the person introduces themself.
    private static void FindLowercase(NameDocument document, List<NameCandidate> candidates)
    {
        var wordCandidates = candidates.Count;
        var covered = 0;
        var added = false;
        for (var k = 0; k + 1 < document.Count; k++)
        {
            if (!document[k].Is(LexiconFlags.Cue))
            {
                continue;
            }

            var phrase = NameCues.PhraseEndingAt(document, k);
            if (phrase is not { Kind: CueKind.Title or CueKind.Label or CueKind.Introduction or CueKind.Relation })
            {
                continue;
            }

            var first = k + 1;
            if (document[first].Shape != TokenShape.Lower || !document.CueGapAllows(k, first, out var labelled, out var newline) || newline)
            {
                continue;
            }

            while (covered < wordCandidates && candidates[covered].Last < first)
            {
                covered++;
            }

            if (covered < wordCandidates && candidates[covered].First <= first)
            {
                continue;
            }

            var last = LowercaseRunEnd(document, first, phrase.Kind == CueKind.Introduction);
            if (last >= first)
            {
                candidates.Add(new NameCandidate(first, last, CandidateForm.Lowercase, new CueMatch(phrase, phrase.StrengthWhenAdjacent(labelled))));
                added = true;
            }
        }

        if (added)
        {
            candidates.Sort(static (a, b) => a.First.CompareTo(b.First));
        }
    }

    private static int LowercaseRunEnd(NameDocument document, int first, bool introduction)
    {
        var firstClass = document.ClassOf(first);
        var accepted = firstClass == NameWordClass.Name
            || (introduction && firstClass is NameWordClass.Weak or NameWordClass.Unknown or NameWordClass.Shaped);
        if (!accepted)
        {
            return -1;
        }

        var last = first;
        for (var k = first + 1; k < document.Count && k - first < MaxLowercaseWords && document.IsSpaceBefore(k) && !document[k - 1].Has(TokenTraits.Possessive); k++)
        {
            if (document[k].Shape != TokenShape.Lower)
            {
                break;
            }

            var wordClass = document.ClassOf(k);
            if (wordClass == NameWordClass.Name)
            {
                last = k;
            }
            else if (wordClass != NameWordClass.Particle)
            {
                break;
            }
        }

        return last;
    }

    private static bool HasNameWord(NameDocument document, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (NameWordClassifier.IsNameWord(document.ClassOf(i)))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextNameWord(NameDocument document, int from, int last)
    {
        for (var i = from; i <= last; i++)
        {
            if (NameWordClassifier.IsNameWord(document.ClassOf(i)))
            {
                return i;
            }
        }

        return -1;
    }

    private static int PreviousNameWord(NameDocument document, int first, int from)
    {
        for (var i = from; i >= first; i--)
        {
            if (NameWordClassifier.IsNameWord(document.ClassOf(i)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsGiven(NameDocument document, int index) =>
        document.ClassOf(index) is NameWordClass.Name or NameWordClass.Weak && document[index].Is(LexiconFlags.GivenName);

    private static bool IsSurname(NameDocument document, int index) =>
        document.ClassOf(index) is NameWordClass.Name or NameWordClass.Weak && document[index].Is(LexiconFlags.Surname);
}
