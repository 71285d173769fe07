using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.HealthPlans;

/// <summary>
/// Legacy Medicare health insurance claim numbers (HICN): an SSN (which must follow the SSA's structural rules) and a
/// one- or two-character beneficiary identification code.
/// </summary>
internal static class HicnValidator
{
    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        Span<char> digits = stackalloc char[11];
        var count = CandidateDigits.Collect(candidate, digits);
        if (count < 9)
        {
            return CandidateCheck.Invalid("fewer than nine digits");
        }

        var ssn = digits[..9];
        var area = CandidateDigits.Number(ssn[..3]);
        if (area == 0 || area == 666 || area >= 900 || CandidateDigits.Number(ssn[3..5]) == 0 || CandidateDigits.Number(ssn[5..]) == 0)
        {
            return CandidateCheck.Invalid("account number is not a valid SSN");
        }

        return CandidateCheck.Valid("SSN with beneficiary code");
    }
}
