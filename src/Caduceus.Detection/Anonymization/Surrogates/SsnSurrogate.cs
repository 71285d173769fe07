namespace Caduceus.Detection.Anonymization.Surrogates;

/// <summary>
/// A Social Security number that cannot belong to anyone, in the same layout: area 900-999, which the SSA never
/// assigns, with a non-zero group and serial. <c>536-22-1843</c> becomes e.g. <c>947-31-0582</c>.
/// </summary>
internal static class SsnSurrogate
{
    public static string Create(string value, KeyedDraw draw)
    {
        if (value.Count(char.IsAsciiDigit) != 9)
        {
            return ShapeSurrogate.Create(value, draw);
        }

        Span<char> digits = stackalloc char[9];
        digits[0] = '9';
        digits[1] = draw.Digit();
        digits[2] = draw.Digit();
        var group = draw.Next(1, 99);
        digits[3] = (char)('0' + (group / 10));
        digits[4] = (char)('0' + (group % 10));
        var serial = draw.Next(1, 9999);
        for (var i = 8; i >= 5; i--)
        {
            digits[i] = (char)('0' + (serial % 10));
            serial /= 10;
        }

        var result = value.ToCharArray();
        var position = 0;
        for (var i = 0; i < result.Length; i++)
        {
            if (char.IsAsciiDigit(result[i]))
            {
                result[i] = digits[position++];
            }
        }

        return new string(result);
    }
}
