using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Accounts;

/// <summary>
/// Payment card numbers: 13-19 digits passing the Luhn check, with an issuer identification number (IIN) of a known
/// scheme and a length that scheme issues. A Luhn-valid number of no known scheme is reported only with context.
/// </summary>
internal static class PaymentCardValidator
{
    /// <summary>Score factor for a Luhn-valid number whose IIN or length matches no known scheme.</summary>
    public const double UnknownIssuerScoreFactor = 0.8;

    // (first prefix, last prefix, shortest length, longest length): prefixes compared on as many leading digits as
    // they have. Public scheme ranges (Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay, Maestro, Mir, RuPay).
    private static readonly (int From, int To, int MinLength, int MaxLength)[] Ranges =
    [
        (4, 4, 13, 19),
        (51, 55, 16, 16),
        (2221, 2720, 16, 16),
        (34, 34, 15, 15),
        (37, 37, 15, 15),
        (6011, 6011, 16, 19),
        (644, 649, 16, 19),
        (65, 65, 16, 19),
        (622126, 622925, 16, 19),
        (300, 305, 14, 19),
        (3095, 3095, 14, 19),
        (36, 36, 14, 19),
        (38, 39, 14, 19),
        (3528, 3589, 16, 19),
        (62, 62, 16, 19),
        (81, 82, 16, 19),
        (50, 50, 12, 19),
        (56, 58, 12, 19),
        (60, 60, 16, 19),
        (63, 63, 12, 19),
        (67, 67, 12, 19),
        (2200, 2204, 16, 19),
    ];

    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        Span<char> digits = stackalloc char[19];
        var count = CandidateDigits.Collect(candidate, digits);
        if (count is < 13 or > 19)
        {
            return CandidateCheck.Invalid("not 13 to 19 digits");
        }

        var number = digits[..count];
        if (!Luhn.IsValid(number))
        {
            return CandidateCheck.Invalid("Luhn check fails");
        }

        if (number.IndexOfAnyExcept('0') < 0)
        {
            return CandidateCheck.Invalid("all zeros");
        }

        return IsKnownIssuer(number)
            ? CandidateCheck.Valid("Luhn-valid, known card issuer range")
            : CandidateCheck.OnlyWithContext("Luhn-valid, unknown issuer range", UnknownIssuerScoreFactor);
    }

    private static bool IsKnownIssuer(ReadOnlySpan<char> number)
    {
        foreach (var (from, to, minLength, maxLength) in Ranges)
        {
            if (number.Length < minLength || number.Length > maxLength)
            {
                continue;
            }

            var prefixLength = DigitCount(from);
            var prefix = CandidateDigits.Number(number[..prefixLength]);
            if (prefix >= from && prefix <= to)
            {
                return true;
            }
        }

        return false;
    }

    private static int DigitCount(int value) => value switch
    {
        < 10 => 1,
        < 100 => 2,
        < 1000 => 3,
        < 10000 => 4,
        < 100000 => 5,
        _ => 6,
    };
}
