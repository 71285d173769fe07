namespace Caduceus.Detection.Phi.Addresses;

/// <summary>
/// Judges a US street candidate by its spelling: "123 Main St" is an address; "2 different Dr" and "3 more way" are
/// words around a number. A street typed all lower case ("12 elm street") still counts when its suffix is unmistakable.
/// </summary>
internal static class StreetValidator
{
    /// <summary>Lower-case name before a suffix that is only ever a street word ("street", "ave", "blvd").</summary>
    public const double LowerCaseFactor = 0.8;

    /// <summary>Lower-case name before a suffix that is also an everyday word or title ("dr", "way", "court").</summary>
    public const double LowerCaseAmbiguousSuffixFactor = 0.55;

    private static readonly string[] Directions = ["n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west"];

    private static readonly string[] UnmistakableSuffixes =
    [
        "street", "st", "avenue", "ave", "boulevard", "blvd", "road", "rd", "lane", "ln", "highway", "hwy", "parkway", "pkwy",
        "turnpike", "tpke", "expressway", "expy", "freeway", "fwy",
    ];

    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        ReadOnlySpan<char> firstName = default;
        var unmistakable = false;
        var index = 0;
        foreach (var range in candidate.SplitAny(" \t\r\n"))
        {
            var token = candidate[range].TrimEnd('.').TrimEnd(',');
            if (token.IsEmpty)
            {
                continue;
            }

            index++;
            if (index == 1 || (firstName.IsEmpty && IsOneOf(token, Directions)))
            {
                continue; // house number, pre-direction
            }

            if (firstName.IsEmpty)
            {
                firstName = token;
            }
            else if (IsOneOf(token, UnmistakableSuffixes))
            {
                unmistakable = true;
                break;
            }
        }

        if (firstName.IsEmpty || char.IsUpper(firstName[0]) || char.IsAsciiDigit(firstName[0]))
        {
            return CandidateCheck.Valid("number, street name and street suffix");
        }

        return unmistakable
            ? CandidateCheck.Doubtful("number, lower-case street name and street suffix", LowerCaseFactor)
            : CandidateCheck.Doubtful("number, lower-case street name and a suffix that is also a common word", LowerCaseAmbiguousSuffixFactor);
    }

    private static bool IsOneOf(ReadOnlySpan<char> token, string[] words)
    {
        foreach (var word in words)
        {
            if (token.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
