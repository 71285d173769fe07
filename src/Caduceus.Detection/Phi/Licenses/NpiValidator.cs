using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Licenses;

/// <summary>
/// National Provider Identifiers: ten digits starting with 1 or 2 whose last digit is the Luhn check digit of the
/// number prefixed with 80840 (the health industry's ISO 7812 issuer prefix).
/// </summary>
internal static class NpiValidator
{
    // The Luhn sum that the digits 8, 0, 8, 4, 0 in front of the ten NPI digits contribute.
    private const int PrefixLuhnSum = 24;

    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        Span<char> digits = stackalloc char[10];
        if (CandidateDigits.Collect(candidate, digits) != 10)
        {
            return CandidateCheck.Invalid("not ten digits");
        }

        if (digits[0] is not ('1' or '2'))
        {
            return CandidateCheck.Invalid("does not start with 1 or 2");
        }

        return Luhn.Sum(digits, PrefixLuhnSum) % 10 == 0
            ? CandidateCheck.Valid("valid NPI check digit")
            : CandidateCheck.Invalid("NPI check digit fails");
    }
}
