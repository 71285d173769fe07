namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// Rules that veto a candidate whatever its score: an eponym ("Parkinson disease", "Bell's palsy", "Alzheimer's"),
/// an organization ("Grace Hospital"), a street ("Washington Street"), a place ("lives in Austin", "Jackson, MS",
/// "New York") or a date ("since June", "May 5").
/// </summary>
internal static class NameSuppression
{
    /// <summary>The reason <paramref name="candidate"/> is not a name, or null when no rule applies.</summary>
    public static string? Reason(NameDocument document, NameCandidate candidate)
    {
        var strongCue = candidate.Before.Strength >= CueStrength.Strong;
        var first = candidate.First;
        var last = candidate.Last;
        var lastToken = document[last];
        var hasGivenName = HasStrongGivenName(document, first, last);
        var singleWord = first == last;

        var next = last + 1 < document.Count && (document.IsSpaceBefore(last + 1) || document.IsAfterPossessive(last + 1)) ? last + 1 : -1;
        if (next >= 0 && document[next].Is(LexiconFlags.EponymHead) && document[next].Shape != TokenShape.Other)
        {
            var possessive = lastToken.Has(TokenTraits.Possessive);
            if (lastToken.Is(LexiconFlags.Eponym | LexiconFlags.MedicalTerm)
                || (!possessive && !strongCue)
                || (possessive && !hasGivenName && !strongCue))
            {
                return "eponym";
            }
        }

        if (lastToken.Has(TokenTraits.Possessive) && lastToken.Is(LexiconFlags.Eponym | LexiconFlags.MedicalTerm) && !strongCue && !hasGivenName)
        {
            return "eponym";
        }

        // "Washington Street", "Grace Hospital", "Kaiser Permanente".
        if (next >= 0 && document[next].IsCapitalized && document[next].Is(LexiconFlags.Organization | LexiconFlags.Street))
        {
            return "organization or street";
        }

        if ((IsAfterPlacePrefix(document, first) || OpensWithPlacePrefix(document, first, last)) && candidate.Before.Strength < CueStrength.Title)
        {
            return "place";
        }

        if (!singleWord || candidate.Form != CandidateForm.Words || candidate.Before.Strength >= CueStrength.Medium)
        {
            return null;
        }

        var previousWord = first > 0 && document.IsSpaceBefore(first) ? document.WordAt(first - 1) : default;
        if (lastToken.Is(LexiconFlags.Place) && (NameVocabulary.IsLocative(previousWord) || IsFollowedByState(document, last)))
        {
            return "place";
        }

        if (lastToken.Is(LexiconFlags.Month) && (NameVocabulary.IsTemporal(previousWord) || IsFollowedByNumber(document, last)))
        {
            return "date";
        }

        return null;
    }

    private static bool HasStrongGivenName(NameDocument document, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (document.ClassOf(i) == NameWordClass.Name && document[i].Is(LexiconFlags.GivenName))
            {
                return true;
            }
        }

        return false;
    }

    // "New York", "San Antonio", "St. Mary's", "Mount Sinai", "University of Washington".
    private static bool IsAfterPlacePrefix(NameDocument document, int first)
    {
        if (first == 0)
        {
            return false;
        }

        var gap = document.GapBefore(first);
        var previous = document[first - 1];
        if (gap is " " or ". " && previous.IsCapitalized && NameVocabulary.IsPlacePrefix(document.WordAt(first - 1)))
        {
            return true;
        }

        return gap is " " && first >= 2 && document.WordAt(first - 1).Equals("of", StringComparison.OrdinalIgnoreCase)
            && document.IsSpaceBefore(first - 1) && document[first - 2].Is(LexiconFlags.Organization);
    }

    // "San Antonio", "Santa Clara", "Fort Worth" taken as one run.
    private static bool OpensWithPlacePrefix(NameDocument document, int first, int last) =>
        first < last && document[first].Shape == TokenShape.Capitalized && NameVocabulary.IsPlacePrefix(document.WordAt(first))
        && document.IsSpaceBefore(first + 1);

    // "Jackson, MS", "Austin, Texas".
    private static bool IsFollowedByState(NameDocument document, int last)
    {
        var next = last + 1;
        return next < document.Count && document.GapBefore(next) is ", " && document[next].IsCapitalized
            && NameVocabulary.IsState(document.WordAt(next));
    }

    // "May 5", "June 2024".
    private static bool IsFollowedByNumber(NameDocument document, int last)
    {
        var gap = document.GapAfter(last);
        return gap.Length >= 2 && gap[0] == ' ' && char.IsAsciiDigit(gap[1]);
    }
}
