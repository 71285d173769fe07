using System.Text.RegularExpressions;
using Caduceus.Detection.Phi.Dates;

namespace Caduceus.Detection.Phi.Addresses;

/// <summary>
/// Finds US city and county names after words that introduce a place: strong ones ("lives in", "resident of",
/// "moved to", "born in") and weak ones ("from", "in", "near", "to"). A name must be in the gazetteer; one that is also
/// an everyday word ("Mobile", "Reading", "Hope") counts only after a strong phrase. A state or country alone is not
/// reported: it is not an identifier.
/// </summary>
internal sealed partial class PlaceNameFinder(UsPlaceGazetteer gazetteer)
{
    private const double StrongScore = 0.85;
    private const double StrongCommonWordScore = 0.6;
    private const double WeakScore = 0.55;
    private const double WeakMultiWordScore = 0.7;

    // Weekdays and titles; and countries and states that share their name with a US town ("Canada", Kentucky;
    // "Virginia", Minnesota): a country or a state alone is not an identifier. "New York" and "Washington" stay, as the
    // city is meant as often as the state.
    private static readonly string[] NotPlaces =
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "dr", "dr.", "mr", "mr.", "mrs", "mrs.",
        "ms", "ms.", "saint", "st", "st.", "mount", "fort", "america", "canada", "mexico", "china", "japan", "india", "peru",
        "chile", "cuba", "brazil", "lebanon", "jordan", "poland", "denmark", "norway", "sweden", "finland", "holland",
        "england", "scotland", "wales", "ireland", "france", "germany", "italy", "spain", "russia", "egypt", "israel",
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
        "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
        "new hampshire", "new jersey", "new mexico", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
        "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont",
        "virginia", "west virginia", "wisconsin", "wyoming", "puerto rico",
    ];

    private readonly UsPlaceGazetteer _gazetteer = gazetteer;

    public void Find(string text, string detector, List<Finding> findings)
    {
        for (var match = PlaceAfterCue().Match(text); match.Success; match = match.NextMatch())
        {
            var strong = match.Groups["strong"].Success;
            var place = match;
            var length = LongestKnownName(text.AsSpan(place.Index, place.Length), out var known);
            if (length == 0 || (known.IsCommonWord && !strong))
            {
                continue;
            }

            var multiWord = text.AsSpan(place.Index, length).Contains(' ');
            var score = strong
                ? (known.IsCommonWord ? StrongCommonWordScore : StrongScore)
                : (multiWord ? WeakMultiWordScore : WeakScore);
            var explanation = strong ? "US place name in gazetteer after a residence phrase" : "US place name in gazetteer after a place preposition";
            findings.Add(new Finding(EntityTypes.Address, FindingCategory.Phi, place.Index, length, score, detector, explanation));
        }
    }

    // Length of the longest run of leading words that the gazetteer knows, without trailing punctuation; 0 if none.
    private int LongestKnownName(ReadOnlySpan<char> words, out UsPlace known)
    {
        Span<int> ends = stackalloc int[Math.Min(_gazetteer.MaxWords, 8)];
        var count = 0;
        for (var i = 0; i <= words.Length && count < ends.Length; i++)
        {
            if (i == words.Length || words[i] == ' ')
            {
                ends[count++] = words[..i].TrimEnd(".'-").Length;
            }
        }

        if (count > 0 && IsTitleOrMonth(words[..ends[0]]))
        {
            known = default;
            return 0;
        }

        for (var i = count - 1; i >= 0; i--)
        {
            var name = words[..ends[i]];
            if (!IsNotPlace(name) && _gazetteer.TryGet(name, out known))
            {
                return name.Length;
            }
        }

        known = default;
        return 0;
    }

    // "Dr. Jackson", "Mount Sinai" staff, "March": the words after it are not a place either.
    private static bool IsTitleOrMonth(ReadOnlySpan<char> firstWord) =>
        MonthNames.Number(firstWord.TrimEnd('.')) != 0 || (firstWord.Length <= 4 && IsNotPlace(firstWord));

    private static bool IsNotPlace(ReadOnlySpan<char> name)
    {
        foreach (var notPlace in NotPlaces)
        {
            if (name.Equals(notPlace, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Up to five capitalized words after a cue; the gazetteer decides how many of them are the place. The match starts
    // at the capital letter and the cue sits in the lookbehind: a regex starting with the cue words would try a match
    // at nearly every letter, while capitals are few.
    [GeneratedRegex(
        @"(?<=\b(?:(?<strong>(?:lives|live|living|lived|resides|reside|residing)\s{1,2}(?:in|near)|(?:resident|native)\s{1,2}of|"
        + @"(?:moved|moving|relocated|relocating)\s{1,2}(?:here\s{1,2})?(?:to|from)|(?:born|raised)\s{1,2}in|grew\s{1,2}up\s{1,2}in|"
        + @"hometown(?:\s{1,2}is)?:?|(?:city|county|town)(?:\s{1,2}(?:is|of))?:)|(?<weak>from|in|near|to|visiting))\s{1,2})"
        + @"(?-i:[A-Z])[\p{L}.'-]*(?:[ ](?-i:[A-Z])[\p{L}.'-]*){0,4}",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex PlaceAfterCue();
}
