namespace Caduceus.Detection.Phi;

/// <summary>The Social Security Administration's structural rules for an SSN (area, group, serial).</summary>
internal static class SsnValidator
{
    // Printed on sample cards and in advertising; typed by people who are quoting them, not disclosing their own.
    private static readonly string[] AdvertisingNumbers = ["078051120", "219099999", "457555462"];

    /// <summary>Score factor for a known advertising number: still reported, but below the usual policy threshold.</summary>
    public const double AdvertisingScoreFactor = 0.4;

    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        Span<char> digits = stackalloc char[9];
        var count = 0;
        foreach (var c in candidate)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (count == digits.Length)
            {
                return CandidateCheck.Invalid("more than nine digits");
            }

            digits[count++] = c;
        }

        if (count != digits.Length)
        {
            return CandidateCheck.Invalid("fewer than nine digits");
        }

        var area = Number(digits[..3]);
        if (area == 0 || area == 666 || area >= 900)
        {
            return CandidateCheck.Invalid("area number never assigned");
        }

        if (Number(digits[3..5]) == 0)
        {
            return CandidateCheck.Invalid("group number 00");
        }

        if (Number(digits[5..]) == 0)
        {
            return CandidateCheck.Invalid("serial number 0000");
        }

        foreach (var advertised in AdvertisingNumbers)
        {
            if (digits.SequenceEqual(advertised))
            {
                return CandidateCheck.Doubtful("valid area/group/serial, known advertising number", AdvertisingScoreFactor);
            }
        }

        return CandidateCheck.Valid("valid area/group/serial");
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
