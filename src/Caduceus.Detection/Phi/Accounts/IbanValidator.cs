using System.Collections.Frozen;
using System.Globalization;

namespace Caduceus.Detection.Phi.Accounts;

/// <summary>
/// International Bank Account Numbers (ISO 13616): the length registered for the country code and the ISO 7064
/// mod 97-10 check (the number, rearranged and with letters as 10-35, leaves remainder 1).
/// </summary>
internal static class IbanValidator
{
    /// <summary>Score factor for a mod-97-valid number whose country code is not in the table below.</summary>
    public const double UnknownCountryScoreFactor = 0.8;

    // IBAN lengths by country (code and length), from the public IBAN registry.
    private const string RegisteredLengths =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 "
        + "EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 "
        + "KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 "
        + "PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SD18 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 "
        + "VA22 VG24 XK20 ";

    private static readonly FrozenDictionary<string, int> Lengths = RegisteredLengths
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenDictionary(entry => entry[..2], entry => int.Parse(entry.AsSpan(2), CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LengthsBySpan =
        Lengths.GetAlternateLookup<ReadOnlySpan<char>>();

    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        Span<char> iban = stackalloc char[34];
        var length = 0;
        foreach (var c in candidate)
        {
            if (c == ' ')
            {
                continue;
            }

            if (length == iban.Length)
            {
                return CandidateCheck.Invalid("longer than 34 characters");
            }

            iban[length++] = char.ToUpperInvariant(c);
        }

        var number = iban[..length];
        var knownCountry = LengthsBySpan.TryGetValue(number[..2], out var expected);
        if (knownCountry && expected != length)
        {
            return CandidateCheck.Invalid("length does not match the country code");
        }

        if (Mod97(number) != 1)
        {
            return CandidateCheck.Invalid("mod-97 check fails");
        }

        return knownCountry
            ? CandidateCheck.Valid("country length and mod-97 check valid")
            : CandidateCheck.OnlyWithContext("mod-97 check valid, unknown country code", UnknownCountryScoreFactor);
    }

    // The first four characters move to the end; letters count as 10-35. Computed digit by digit to stay in an int.
    private static int Mod97(ReadOnlySpan<char> iban)
    {
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
