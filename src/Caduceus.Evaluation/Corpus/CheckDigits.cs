namespace Caduceus.Evaluation.Corpus;

/// <summary>Check digits of the identifier schemes the corpus writes, so valid-looking values are also valid.</summary>
internal static class CheckDigits
{
    /// <summary>The Luhn digit that completes <paramref name="digits"/> (payment cards; NPI after the 80840 prefix).</summary>
    public static char Luhn(string digits)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>DEA registration check digit over its six digits: (d1 + d3 + d5) + 2 (d2 + d4 + d6), last digit.</summary>
    public static char Dea(string sixDigits)
    {
        var odd = (sixDigits[0] - '0') + (sixDigits[2] - '0') + (sixDigits[4] - '0');
        var even = (sixDigits[1] - '0') + (sixDigits[3] - '0') + (sixDigits[5] - '0');
        return (char)('0' + ((odd + (2 * even)) % 10));
    }

    /// <summary>The ninth character of a 17-character VIN (ISO 3779 / 49 CFR 565 weights, 'X' for ten).</summary>
    public static char Vin(string vinWithPlaceholder)
    {
        ReadOnlySpan<int> weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += VinValue(vinWithPlaceholder[i]) * weights[i];
        }

        var check = sum % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    private static int VinValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        'A' or 'J' => 1,
        'B' or 'K' or 'S' => 2,
        'C' or 'L' or 'T' => 3,
        'D' or 'M' or 'U' => 4,
        'E' or 'N' or 'V' => 5,
        'F' or 'W' => 6,
        'G' or 'P' or 'X' => 7,
        'H' or 'Y' => 8,
        'R' or 'Z' => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(c), "Not a VIN character."),
    };
}
