namespace Caduceus.Detection.Phi;

/// <summary>North American Numbering Plan rules for a 10-digit number (optionally with country code 1).</summary>
internal static class NanpValidator
{
    /// <summary>
    /// Score factor for an exchange starting with 0 or 1 (<c>555-123-4567</c>): not dialable, but people write such
    /// numbers as phone numbers (made up, mistyped or redacted by hand), so they are kept below the usual policy
    /// threshold without context and above it with one. 0.65 (formatted) x 0.72 = 0.47; with context, at least 0.5.
    /// </summary>
    public const double UnassignedExchangeScoreFactor = 0.72;

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

        if (number[0] < '2')
        {
            return CandidateCheck.Invalid("area code starts with 0 or 1");
        }

        if (number[1] == '1' && number[2] == '1')
        {
            return CandidateCheck.Invalid("service code (N11) in place of an area code");
        }

        if (number[3] < '2')
        {
            return CandidateCheck.Doubtful("valid NANP area code, exchange starts with 0 or 1", UnassignedExchangeScoreFactor);
        }

        return CandidateCheck.Valid("valid NANP area code and exchange");
    }
}
