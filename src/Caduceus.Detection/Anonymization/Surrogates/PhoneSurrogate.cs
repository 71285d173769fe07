namespace Caduceus.Detection.Anonymization.Surrogates;

/// <summary>
/// A fictional phone number in the same layout: the exchange 555 with a line number 0100-0199, the range the North
/// American Numbering Plan reserves for fiction, behind a plausible area code. <c>(415) 234-5678</c> becomes
/// <c>(738) 555-0142</c>; a leading country code 1 and extension digits keep their places.
/// </summary>
internal static class PhoneSurrogate
{
    public static string Create(string value, KeyedDraw draw)
    {
        var count = value.Count(char.IsAsciiDigit);
        var national = new char[10];
        national[0] = (char)('2' + draw.Next(8));
        national[1] = draw.Digit();
        national[2] = draw.Digit();
        if (national[1] == '1' && national[2] == '1')
        {
            national[2] = '0';
        }

        "5550".CopyTo(national.AsSpan(3));
        national[7] = '1';
        national[8] = draw.Digit();
        national[9] = draw.Digit();

        var firstIsCountryCode = count >= 11 && value.First(char.IsAsciiDigit) == '1';
        var skipped = count == 7 ? 3 : 0;
        var result = value.ToCharArray();
        var position = 0;
        for (var i = 0; i < result.Length; i++)
        {
            if (!char.IsAsciiDigit(result[i]))
            {
                continue;
            }

            var index = position - (firstIsCountryCode ? 1 : 0) + skipped;
            result[i] = position == 0 && firstIsCountryCode ? '1' : index < national.Length ? national[index] : draw.Digit();
            position++;
        }

        return new string(result);
    }
}
