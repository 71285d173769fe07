namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>The Luhn (mod 10) check used by payment cards, IMEIs and (with a fixed prefix) NPIs.</summary>
internal static class Luhn
{
    /// <summary>True when <paramref name="digits"/> (ASCII digits only, check digit last) passes the Luhn check.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits) => Sum(digits, 0) % 10 == 0;

    /// <summary>
    /// The Luhn sum of <paramref name="digits"/> with <paramref name="prefixSum"/> added: how a fixed prefix that is not
    /// written (the 80840 of an NPI) takes part without copying it in front of the digits.
    /// </summary>
    public static int Sum(ReadOnlySpan<char> digits, int prefixSum)
    {
        var sum = prefixSum;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum;
    }
}
