using System.Globalization;
using System.Text;
using Caduceus.Evaluation.Corpus.Lists;

namespace Caduceus.Evaluation.Corpus;

/// <summary>
/// Realistic values of each identifier type, in the several ways each is written. Every value is made up here from
/// the seeded generator; check digits are computed, so checksummed forms are valid.
/// </summary>
internal static class PhiValues
{
    private const string Uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string MbiLetters = "ACDEFGHJKMNPQRTUVWXY";
    private const string VinCharacters = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private const string HexDigits = "0123456789abcdef";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Digits(DeterministicRandom random, int count)
    {
        var text = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            text.Append((char)('0' + random.Next(10)));
        }

        return text.ToString();
    }

    public static string Letters(DeterministicRandom random, int count, string alphabet = Uppercase)
    {
        var text = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }

    public static string FullName(DeterministicRandom random, Person person) => random.Next(20) switch
    {
        < 11 => $"{person.Given} {person.Family}",
        < 14 => $"{person.Given} {person.MiddleInitial}. {person.Family}",
        < 17 => $"{person.Family}, {person.Given}",
        17 => $"{person.Given.ToUpperInvariant()} {person.Family.ToUpperInvariant()}",
        18 => $"{person.Family.ToUpperInvariant()}, {person.Given.ToUpperInvariant()}",
        _ => $"{person.Given[0]}. {person.Family}",
    };

    /// <summary>A date in one of the ways clinical text writes dates; with <paramref name="allowNoYear"/> also "March 3" and "3/14".</summary>
    public static string Date(DeterministicRandom random, DateOnly date, bool allowNoYear = false)
    {
        var choice = random.Next(allowNoYear ? 22 : 19);
        return choice switch
        {
            < 5 => date.ToString("MM/dd/yyyy", Invariant),
            < 8 => date.ToString("M/d/yyyy", Invariant),
            < 10 => date.ToString("M/d/yy", Invariant),
            < 12 => date.ToString("yyyy-MM-dd", Invariant),
            < 14 => date.ToString("MMMM d, yyyy", Invariant),
            14 => date.ToString("MMM d, yyyy", Invariant),
            15 => date.ToString("d MMMM yyyy", Invariant),
            16 => date.ToString("dd-MMM-yyyy", Invariant).ToUpperInvariant(),
            17 => $"{date.ToString("MMMM", Invariant)} {Ordinal(date.Day)}, {date.Year}",
            18 => date.ToString("MM-dd-yyyy", Invariant),
            19 => date.ToString("MMMM d", Invariant),
            20 => date.ToString("M/d", Invariant),
            _ => $"the {Ordinal(date.Day)} of {date.ToString("MMMM", Invariant)}",
        };
    }

    public static DateOnly DateBetween(DeterministicRandom random, DateOnly first, DateOnly last) =>
        first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    /// <summary>A NANP number: area code and exchange start with 2-9 and are not N11.</summary>
    public static string PhoneDigits(DeterministicRandom random)
    {
        return NanpTriple(random) + NanpTriple(random) + Digits(random, 4);

        static string NanpTriple(DeterministicRandom random)
        {
            string triple;
            do
            {
                triple = (char)('2' + random.Next(8)) + Digits(random, 2);
            }
            while (triple[1] == '1' && triple[2] == '1');

            return triple;
        }
    }

    public static string Phone(DeterministicRandom random, string d)
    {
        var (area, exchange, line) = (d[..3], d[3..6], d[6..]);
        var number = random.Next(20) switch
        {
            < 6 => $"({area}) {exchange}-{line}",
            < 11 => $"{area}-{exchange}-{line}",
            < 13 => $"{area}.{exchange}.{line}",
            13 => $"{area} {exchange} {line}",
            14 => $"+1 {area} {exchange} {line}",
            15 => $"1-{area}-{exchange}-{line}",
            16 => $"({area}){exchange}-{line}",
            17 => $"+1 ({area}) {exchange}-{line}",
            18 => $"+1{d}",
            _ => $"{area}-{exchange}-{line} ext. {random.Between(10, 9999)}",
        };
        return number;
    }

    /// <summary>An SSN the SSA could issue: area 001-899 except 666, group and serial not zero.</summary>
    public static string SsnDigits(DeterministicRandom random)
    {
        int area;
        do
        {
            area = random.Between(1, 899);
        }
        while (area == 666);

        return area.ToString("000", Invariant) + random.Between(1, 99).ToString("00", Invariant) + random.Between(1, 9999).ToString("0000", Invariant);
    }

    public static string Ssn(DeterministicRandom random, string d) => random.Next(10) switch
    {
        < 8 => $"{d[..3]}-{d[3..5]}-{d[5..]}",
        8 => $"{d[..3]} {d[3..5]} {d[5..]}",
        _ => d,
    };

    public static string Mrn(DeterministicRandom random) => random.Next(8) switch
    {
        < 3 => "00" + Digits(random, 6),
        3 => (char)('1' + random.Next(9)) + Digits(random, 6),
        4 => "E" + Digits(random, 9),
        5 => Letters(random, 1) + Digits(random, 7),
        6 => (char)('1' + random.Next(9)) + Digits(random, 9),
        _ => $"{random.Between(10, 99)}-{Digits(random, 2)}-{Digits(random, 2)}",
    };

    /// <summary>A Medicare Beneficiary Identifier (CMS format: C A AN N A AN N A A N N, no S L O I B Z).</summary>
    public static string Mbi(DeterministicRandom random)
    {
        var alphanumeric = MbiLetters + "0123456789";
        var mbi = string.Concat(
            (char)('1' + random.Next(9)),
            Letters(random, 1, MbiLetters),
            Letters(random, 1, alphanumeric),
            Digits(random, 1),
            Letters(random, 1, MbiLetters),
            Letters(random, 1, alphanumeric),
            Digits(random, 1),
            Letters(random, 2, MbiLetters),
            Digits(random, 2));
        return random.Chance(0.3) ? $"{mbi[..4]}-{mbi[4..7]}-{mbi[7..]}" : mbi;
    }

    public static string MemberId(DeterministicRandom random) => random.Next(6) switch
    {
        < 2 => Letters(random, 3) + Digits(random, 9),
        2 => "W" + Digits(random, 9),
        3 => Digits(random, 11),
        4 => Letters(random, 2) + Digits(random, 5) + Letters(random, 1),
        _ => $"{Letters(random, 3)}{Digits(random, 6)}-{Digits(random, 2)}",
    };

    public static string PaymentCard(DeterministicRandom random)
    {
        var (prefix, length) = random.Next(4) switch
        {
            0 => ("4", 16),
            1 => ("5" + (char)('1' + random.Next(5)), 16),
            2 => (random.Chance(0.5) ? "34" : "37", 15),
            _ => ("6011", 16),
        };
        var body = prefix + Digits(random, length - prefix.Length - 1);
        var number = body + CheckDigits.Luhn(body);
        if (random.Chance(0.3))
        {
            return number;
        }

        var separator = random.Chance(0.8) ? " " : "-";
        return length == 15
            ? $"{number[..4]}{separator}{number[4..10]}{separator}{number[10..]}"
            : $"{number[..4]}{separator}{number[4..8]}{separator}{number[8..12]}{separator}{number[12..]}";
    }

    public static string AccountNumber(DeterministicRandom random) => random.Next(5) switch
    {
        < 2 => Digits(random, random.Between(8, 12)),
        2 => $"{Digits(random, 4)}-{Digits(random, 5)}",
        3 => "HAR" + Digits(random, 8),
        _ => (char)('1' + random.Next(9)) + Digits(random, 9),
    };

    /// <summary>A National Provider Identifier: 1 or 2, eight digits, Luhn check digit over "80840" + the first nine.</summary>
    public static string Npi(DeterministicRandom random)
    {
        var body = (random.Chance(0.7) ? "1" : "2") + Digits(random, 8);
        return body + CheckDigits.Luhn("80840" + body);
    }

    /// <summary>A DEA registration number: registrant letter, the prescriber's initial, six digits and the check digit.</summary>
    public static string Dea(DeterministicRandom random, string familyName)
    {
        var initial = SpokenForms.AsciiFold(familyName).FirstOrDefault(char.IsAsciiLetter);
        var digits = Digits(random, 6);
        return $"{random.Pick(['A', 'B', 'F', 'G', 'M'])}{char.ToUpperInvariant(initial == default ? 'X' : initial)}{digits}{CheckDigits.Dea(digits)}";
    }

    public static string StateLicense(DeterministicRandom random) => random.Next(4) switch
    {
        0 => random.Pick(Places.States).Code + Digits(random, random.Between(5, 6)),
        1 => Letters(random, 1) + Digits(random, 6),
        2 => $"{Letters(random, 1)}-{Digits(random, 5)}",
        _ => $"{Digits(random, 2)}-{Digits(random, 7)}",
    };

    public static string DriversLicense(DeterministicRandom random) => random.Next(5) switch
    {
        0 => $"{Letters(random, 1)}{Digits(random, 3)}-{Digits(random, 4)}-{Digits(random, 4)}",
        1 => Letters(random, 1) + Digits(random, 8),
        2 => $"{Digits(random, 3)} {Digits(random, 3)} {Digits(random, 3)}",
        3 => Letters(random, 1) + Digits(random, 7),
        _ => Digits(random, 9),
    };

    public static string Vin(DeterministicRandom random)
    {
        var vin = Letters(random, 8, VinCharacters).ToCharArray().Concat(['0']).Concat(Letters(random, 8, VinCharacters)).ToArray();
        vin[8] = CheckDigits.Vin(new string(vin));
        return new string(vin);
    }

    public static string LicensePlate(DeterministicRandom random) => random.Next(4) switch
    {
        0 => $"{random.Between(1, 9)}{Letters(random, 3)}{Digits(random, 3)}",
        1 => $"{Letters(random, 3)}-{Digits(random, 4)}",
        2 => $"{Letters(random, 3)} {Digits(random, 4)}",
        _ => $"{Digits(random, 3)} {Letters(random, 3)}",
    };

    public static string DeviceSerial(DeterministicRandom random) => random.Next(5) switch
    {
        0 => Letters(random, 3) + Digits(random, 6) + Letters(random, 1),
        1 => $"{Digits(random, 1)}{Letters(random, 1)}{Digits(random, 2)}-{Digits(random, 5)}",
        2 => Digits(random, 11),
        3 => $"SN{Digits(random, 8)}",
        _ => Letters(random, 2) + Digits(random, 7) + Letters(random, 1),
    };

    /// <summary>A GS1 Unique Device Identifier in human-readable form: (01) GTIN, (17) expiry, (10) lot, (21) serial.</summary>
    public static string Udi(DeterministicRandom random)
    {
        var gtin = "0" + Digits(random, 12);
        gtin += CheckDigits.Luhn(gtin); // Not the GS1 mod-10 weighting, but a plausible 14th digit is all the text needs.
        var expiry = $"{random.Between(24, 30)}{random.Between(1, 12):00}{random.Between(1, 28):00}";
        return $"(01){gtin}(17){expiry}(10){Letters(random, 1)}{Digits(random, 5)}(21){Digits(random, 7)}";
    }

    public static string PortalUrl(DeterministicRandom random) => random.Next(4) switch
    {
        0 => $"https://portal.{random.Pick(ClinicalPhrases.ClinicDomains)}/patients/{Digits(random, 7)}",
        1 => $"https://{random.Pick(ClinicalPhrases.ClinicDomains)}/mychart/records?id={Digits(random, 8)}",
        2 => $"https://telehealth.{random.Pick(ClinicalPhrases.ClinicDomains)}/visit/{Letters(random, 4, "abcdefghjkmnpqrstuvwxyz")}-{Digits(random, 4)}",
        _ => $"portal.{random.Pick(ClinicalPhrases.ClinicDomains)}/p/{Digits(random, 6)}",
    };

    public static string PersonalUrl(DeterministicRandom random, Person person)
    {
        var given = Slug(person.Given);
        var family = Slug(person.Family);
        return random.Next(5) switch
        {
            0 => $"www.{given}{family}.com",
            1 => $"https://www.gofundme.com/f/help-{given}-{family}-recover",
            2 => $"https://facebook.com/{given}.{family}.{Digits(random, 3)}",
            3 => $"https://{given}{family}photography.com",
            _ => $"https://www.caringbridge.org/visit/{given}{family}",
        };
    }

    public static string Email(DeterministicRandom random, Person person)
    {
        var given = Slug(person.Given);
        var family = Slug(person.Family);
        var local = random.Next(6) switch
        {
            0 => $"{given}.{family}",
            1 => $"{given[0]}{family}",
            2 => $"{given}{family}{random.Between(1, 99)}",
            3 => $"{given}_{family}",
            4 => $"{family}.{given}{random.Between(50, 99)}",
            _ => $"{given}{random.Between(1960, 2005)}",
        };
        return $"{local}@{random.Pick(Places.EmailDomains)}";
    }

    public static string StaffEmail(DeterministicRandom random, Person person) =>
        $"{Slug(person.Given)[0]}{Slug(person.Family)}@{random.Pick(ClinicalPhrases.ClinicDomains)}";

    public static string Ip(DeterministicRandom random)
    {
        if (random.Chance(0.15))
        {
            return $"2001:db8:{random.Next(0x10000):x}:{random.Next(0x10000):x}::{random.Next(0x10000):x}";
        }

        int first;
        do
        {
            first = random.Between(11, 223);
        }
        while (first == 127);

        return $"{first}.{random.Next(256)}.{random.Next(256)}.{random.Between(1, 254)}";
    }

    public static string Biometric(DeterministicRandom random) => random.Next(4) switch
    {
        0 => $"FP-{Digits(random, 8)}",
        1 => $"VP{Letters(random, 10, HexDigits)}",
        2 => $"RS-{Digits(random, 4)}-{Digits(random, 4)}",
        _ => $"FT{Digits(random, 6)}{Letters(random, 2)}",
    };

    public static string StudyId(DeterministicRandom random) => $"STU-{random.Between(2018, 2025)}-{Digits(random, 4)}";

    public static string ClaimNumber(DeterministicRandom random) => random.Chance(0.5) ? "CLM" + Digits(random, 9) : Digits(random, 3) + Letters(random, 2) + Digits(random, 6);

    public static string Accession(DeterministicRandom random) => $"{Letters(random, 1)}{random.Between(19, 25)}-{Digits(random, 5)}";

    public static string RxNumber(DeterministicRandom random) => Digits(random, 7);

    public static string EmployeeId(DeterministicRandom random) => random.Chance(0.5) ? "E" + Digits(random, 6) : Digits(random, 5);

    public static string StreetLine(DeterministicRandom random, VocabularyLists lists)
    {
        if (random.Chance(0.06))
        {
            return $"PO Box {random.Between(10, 9999)}";
        }

        var direction = random.Chance(0.2) ? random.Pick(["N ", "S ", "E ", "W ", "North ", "West "]) : string.Empty;
        var line = $"{random.Between(1, 19999)} {direction}{random.Pick(lists.Streets)} {random.Pick(Places.StreetSuffixes)}";
        return random.Next(10) switch
        {
            0 => $"{line}, Apt {random.Between(1, 40)}{random.Pick(["A", "B", "C", string.Empty])}",
            1 => $"{line} Unit {random.Between(1, 300)}",
            2 => $"{line} #{random.Between(100, 999)}",
            _ => line,
        };
    }

    public static string Zip(DeterministicRandom random)
    {
        var zip = random.Between(1001, 99950).ToString("00000", Invariant);
        return random.Chance(0.2) ? $"{zip}-{Digits(random, 4)}" : zip;
    }

    public static string Ordinal(int day) => day switch
    {
        1 or 21 or 31 => $"{day}st",
        2 or 22 => $"{day}nd",
        3 or 23 => $"{day}rd",
        _ => $"{day}th",
    };

    /// <summary>Lower-case ASCII letters of a name, for email addresses and URLs.</summary>
    private static string Slug(string name)
    {
        var slug = new string([.. SpokenForms.AsciiFold(name).Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
        return slug.Length == 0 ? "x" : slug;
    }
}
