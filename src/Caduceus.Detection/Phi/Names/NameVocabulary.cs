using System.Collections.Frozen;

namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// The short, closed word classes the name rules use, written for Caduceus by its engineers. Longer lists (names,
/// eponyms, clinical words) are embedded word lists; cue phrases are in <see cref="NameCues"/>.
/// </summary>
internal static class NameVocabulary
{
    /// <summary>Lower-case words inside or before a surname: "van der Voet", "de la Cruz", "al Rashid".</summary>
    public static readonly string[] Particles =
    [
        "van", "von", "der", "den", "de", "del", "della", "degli", "di", "da", "dos", "das", "du", "des", "la", "le",
        "ter", "ten", "bin", "ibn", "bint", "al", "el", "abu", "y", "zu",
    ];

    /// <summary>Generational suffixes that belong to the name before them ("John Smith Jr").</summary>
    public static readonly string[] Suffixes = ["jr", "sr", "ii", "iii"];

    /// <summary>
    /// Credentials written after a clinician's name ("Smith, MD", "J. Ortiz RN"). Compared case-sensitively:
    /// "MD" after a name is a credential, "Do" is a verb.
    /// </summary>
    public static readonly string[] Credentials =
    [
        "M.D.", "MD", "D.O.", "DO", "R.N.", "RN", "NP", "PA-C", "PA", "Ph.D.", "PhD", "DDS", "DMD", "LPN", "LVN", "CNA",
        "FNP-BC", "FNP-C", "FNP", "APRN", "ARNP", "DNP", "MSN", "BSN", "LCSW", "LMSW", "MSW", "PharmD", "RPh", "CRNA",
        "DPM", "DPT", "OTR/L", "OTR", "CNM", "MBBS", "FACP", "FACS", "FAAP", "PsyD", "LMFT", "LPC", "CMA", "EMT-P",
        "EMT", "MPH", "RRT", "CCC-SLP", "SLP", "RD", "LD",
    ];

    /// <summary>Words that may stand between a cue and the name it introduces ("his daughter is Maria").</summary>
    public static readonly FrozenSet<string> Fillers = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "the", "his", "her", "their", "my", "your", "our", "a", "an", "is", "was", "named", "called", "being", "el",
        "la", "su", "sus", "mi", "es");

    /// <summary>Before a place name these make it a place: "lives in Austin", "moved from Georgia".</summary>
    public static readonly FrozenSet<string> LocativeWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "in", "at", "from", "to", "near", "into", "toward", "towards", "visiting", "outside", "around", "en", "desde");

    /// <summary>Before a capitalized word these make it more likely a place than a person: "in Springfield", "at Kroger".</summary>
    private static readonly FrozenSet<string> PlaceWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "in", "at", "near", "into", "inside", "outside", "around", "within", "en");

    /// <summary>Before a month name these make it a date: "since June", "in May".</summary>
    public static readonly FrozenSet<string> TemporalWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "in", "on", "since", "until", "till", "by", "during", "from", "through", "before", "after", "early", "late",
        "mid", "last", "next", "this", "each", "every", "of", "between", "and", "to", "en", "de");

    /// <summary>A capitalized word right after one of these is part of a place or institution: "New York", "St. Mary's".</summary>
    public static readonly FrozenSet<string> PlacePrefixes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "new", "san", "santa", "santo", "los", "las", "fort", "ft", "saint", "st", "mount", "mt", "port", "north",
        "south", "east", "west", "upper", "lower", "lake", "glen", "palm", "baton", "little", "great", "sao", "são");

    /// <summary>US state and territory codes, for "Jackson, MS".</summary>
    public static readonly FrozenSet<string> StateCodes = FrozenSet.Create(
        StringComparer.Ordinal,
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
        "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI");

    /// <summary>US state names, for "Austin, Texas".</summary>
    public static readonly FrozenSet<string> StateNames = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
        "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
        "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia",
        "washington", "wisconsin", "wyoming", "carolina", "dakota", "jersey", "hampshire", "mexico", "york");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FillerLookup = Fillers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LocativeLookup = LocativeWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceWordLookup = PlaceWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TemporalLookup = TemporalWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlacePrefixLookup = PlacePrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StateCodeLookup = StateCodes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StateNameLookup = StateNames.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsFiller(ReadOnlySpan<char> word) => FillerLookup.Contains(word);

    public static bool IsLocative(ReadOnlySpan<char> word) => LocativeLookup.Contains(word);

    public static bool IsPlaceWord(ReadOnlySpan<char> word) => PlaceWordLookup.Contains(word);

    public static bool IsTemporal(ReadOnlySpan<char> word) => TemporalLookup.Contains(word);

    public static bool IsPlacePrefix(ReadOnlySpan<char> word) => PlacePrefixLookup.Contains(word);

    public static bool IsState(ReadOnlySpan<char> word) => StateCodeLookup.Contains(word) || StateNameLookup.Contains(word);
}
