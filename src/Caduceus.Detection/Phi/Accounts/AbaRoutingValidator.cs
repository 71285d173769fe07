using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Accounts;

/// <summary>
/// ABA routing transit numbers: nine digits whose first two name a Federal Reserve district range (00-12, 21-32,
/// 61-72, 80) and whose weighted sum 3-7-1 is a multiple of ten.
/// </summary>
internal static class AbaRoutingValidator
{
    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        Span<char> digits = stackalloc char[9];
        if (CandidateDigits.Collect(candidate, digits) != 9)
        {
            return CandidateCheck.Invalid("not nine digits");
        }

        var prefix = CandidateDigits.Number(digits[..2]);
        if (prefix is not (<= 12 or (>= 21 and <= 32) or (>= 61 and <= 72) or 80))
        {
            return CandidateCheck.Invalid("prefix outside the routing number ranges");
        }

        var sum = 0;
        ReadOnlySpan<int> weights = [3, 7, 1];
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * weights[i % 3];
        }

        return sum % 10 == 0
            ? CandidateCheck.Valid("valid ABA checksum")
            : CandidateCheck.Invalid("ABA checksum fails");
    }
}
