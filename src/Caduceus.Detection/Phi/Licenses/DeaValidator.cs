namespace Caduceus.Detection.Phi.Licenses;

/// <summary>
/// DEA registration numbers: a registrant-type letter, a second letter (the registrant's last-name initial, or 9),
/// and seven digits, the last of which is the check digit: (d1 + d3 + d5) + 2 x (d2 + d4 + d6), last digit.
/// </summary>
internal static class DeaValidator
{
    /// <summary>Score factor for a well-formed number whose check digit fails: reported only with context.</summary>
    public const double BadCheckDigitScoreFactor = 0.7;

    // Registrant types: A, B, F, G (practitioners and others), C, D, E, H, J, K, L, M, P, R, S, T, U, X (mid-levels,
    // manufacturers, distributors, narcotic treatment programmes).
    private const string RegistrantTypes = "ABCDEFGHJKLMPRSTUX";

    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        if (candidate.Length != 9)
        {
            return CandidateCheck.Invalid("not nine characters");
        }

        if (!RegistrantTypes.Contains(char.ToUpperInvariant(candidate[0]), StringComparison.Ordinal))
        {
            return CandidateCheck.Invalid("unknown registrant type letter");
        }

        var d = candidate[2..];
        var sum = (d[0] - '0') + (d[2] - '0') + (d[4] - '0') + (2 * ((d[1] - '0') + (d[3] - '0') + (d[5] - '0')));
        return sum % 10 == d[6] - '0'
            ? CandidateCheck.Valid("valid DEA check digit")
            : CandidateCheck.OnlyWithContext("DEA check digit fails", BadCheckDigitScoreFactor);
    }
}
