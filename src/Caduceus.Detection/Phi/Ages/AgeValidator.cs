namespace Caduceus.Detection.Phi.Ages;

/// <summary>
/// Safe Harbor protects ages over 89 only; younger ages may stay in the text. Ages above any recorded human lifespan
/// are measurements or counts, not ages.
/// </summary>
internal static class AgeValidator
{
    /// <summary>Youngest age that is an identifier.</summary>
    public const int MinimumProtectedAge = 90;

    /// <summary>Oldest age taken to be a person's age.</summary>
    public const int MaximumAge = 125;

    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        if (!int.TryParse(candidate, System.Globalization.NumberStyles.None, provider: null, out var age))
        {
            return CandidateCheck.Invalid("not a whole number");
        }

        if (age < MinimumProtectedAge)
        {
            return CandidateCheck.Invalid("age 89 or under is not an identifier");
        }

        return age > MaximumAge
            ? CandidateCheck.Invalid("beyond a human lifespan")
            : CandidateCheck.Valid("age over 89");
    }
}
