namespace Caduceus.Detection.Phi;

/// <summary>North American Numbering Plan rules for a 10-digit number (optionally with country code 1).</summary>
internal static class NanpValidator
{
    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        Span<char> digits = stackalloc char[11];
        var count = 0;
        foreach (var c in candidate)
        {
            if (char.IsAsciiLetter(c))
            {
                break; // "x123" or "ext. 123": the extension is not part of the number.
            }

            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (count == digits.Length)
            {
                return CandidateCheck.Invalid("too many digits");
            }

            digits[count++] = c;
        }

        ReadOnlySpan<char> number = digits[..count];
        if (count == 11 && number[0] == '1')
        {
            number = number[1..];
        }
        else if (count != 10)
        {
            return CandidateCheck.Invalid("not ten digits");
        }

        if (number[0] < '2' || number[3] < '2')
        {
            return CandidateCheck.Invalid("area code or exchange starts with 0 or 1");
        }

        if (number[1] == '1' && number[2] == '1')
        {
            return CandidateCheck.Invalid("service code (N11) in place of an area code");
        }

        return CandidateCheck.Valid("valid NANP area code and exchange");
    }
}
