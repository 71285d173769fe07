namespace Caduceus.Detection.Phi.Vehicles;

/// <summary>
/// Vehicle identification numbers (ISO 3779): 17 characters without I, O and Q, with letters and digits. North
/// American VINs (and many others) carry a check digit in position 9: the transliterated characters weighted
/// 8-7-6-5-4-3-2-10-0-9-8-7-6-5-4-3-2, summed, modulo 11 (10 written as X). A VIN whose check digit fails may still be
/// a real one from a maker that does not use it, so it is reported only with context.
/// </summary>
internal static class VinValidator
{
    /// <summary>Score factor for a VIN without a valid check digit (reported only with context).</summary>
    public const double NoCheckDigitScoreFactor = 0.85;

    private static ReadOnlySpan<int> Weights => [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    // Values of A..Z (I, O, Q never occur): A-H 1-8, J-R 1-9 (without O, Q), S-Z 2-9.
    private static ReadOnlySpan<int> LetterValues => [1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9];

    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        if (candidate.Length != 17)
        {
            return CandidateCheck.Invalid("not 17 characters");
        }

        var letters = 0;
        var digits = 0;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = char.ToUpperInvariant(candidate[i]);
            int value;
            if (char.IsAsciiDigit(c))
            {
                digits++;
                value = c - '0';
            }
            else if (c is >= 'A' and <= 'Z' and not ('I' or 'O' or 'Q'))
            {
                letters++;
                value = LetterValues[c - 'A'];
            }
            else
            {
                return CandidateCheck.Invalid("character not allowed in a VIN");
            }

            sum += value * Weights[i];
        }

        if (letters == 0 || digits < 3)
        {
            return CandidateCheck.Invalid("not a mix of letters and digits");
        }

        var remainder = sum % 11;
        var check = char.ToUpperInvariant(candidate[8]);
        var expected = remainder == 10 ? 'X' : (char)('0' + remainder);
        return check == expected
            ? CandidateCheck.Valid("valid ISO 3779 check digit")
            : CandidateCheck.OnlyWithContext("no valid check digit", NoCheckDigitScoreFactor);
    }
}
