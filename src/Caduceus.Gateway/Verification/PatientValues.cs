using Caduceus.Detection;

namespace Caduceus.Gateway.Verification;

/// <summary>Decides whether a value found in an answer is one of a patient's own identifiers.</summary>
internal static class PatientValues
{
    private static readonly HashSet<string> Titles = new(["mr", "mrs", "ms", "miss", "mx", "dr", "sr", "sra", "srta"], StringComparer.Ordinal);

    /// <summary>
    /// Identifiers that point at one person, so that one belonging to someone else is another patient's PHI. Dates,
    /// ages, web and IP addresses cannot be told apart that way; the policy alone decides about them.
    /// </summary>
    public static bool IdentifiesAPerson(string entityType) => entityType switch
    {
        EntityTypes.Date or EntityTypes.Age or EntityTypes.Url or EntityTypes.Ip => false,
        _ => true,
    };

    /// <summary>True when <paramref name="value"/>, found as <paramref name="entityType"/>, is <paramref name="patient"/>'s.</summary>
    public static bool BelongTo(PatientRecord patient, string entityType, string value) => entityType switch
    {
        EntityTypes.Name => IsPartOfName(patient.Name, value),
        EntityTypes.Phone or EntityTypes.Fax => patient.Phone is { } phone && SamePhone(phone, value),
        EntityTypes.Email => string.Equals(patient.Email?.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase),
        EntityTypes.Address => patient.Address is { } address && IsPartOfAddress(address, value),
        _ => patient.OtherIdentifiers.Any(identifier => SameIdentifier(identifier, value)),
    };

    /// <summary>True when <paramref name="value"/> is one of the configured public values (compared like identifiers and names).</summary>
    public static bool IsPublic(IReadOnlyList<string> publicValues, string value)
    {
        var digits = Digits(value);
        foreach (var candidate in publicValues)
        {
            if (PersonName.Same(candidate, value)
                || (digits.Length >= 7 && Digits(candidate) is { Length: >= 7 } publicDigits && Last10(publicDigits) == Last10(digits))
                || string.Equals(AlphaNumeric(candidate), AlphaNumeric(value), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // "Maria", "Lopez", "Ms. Lopez", "Maria Lopez": every word of the value is a word of the name.
    private static bool IsPartOfName(string name, string value)
    {
        var words = PersonName.Words(value).Where(w => !Titles.Contains(w)).ToArray();
        return words.Length > 0 && words.All(PersonName.Words(name).Contains);
    }

    private static bool SamePhone(string recorded, string value)
    {
        var a = Digits(recorded);
        var b = Digits(value);
        return a.Length >= 7 && b.Length >= 7 && Last10(a) == Last10(b);
    }

    // "12 Oak Street" in "12 Oak Street, Springfield, IL 62704": the value's numbers and at least one of its words are in the address.
    private static bool IsPartOfAddress(string address, string value)
    {
        var recorded = Tokens(address);
        var found = Tokens(value);
        return found.Count > 0
            && found.Where(t => char.IsAsciiDigit(t[0])).All(recorded.Contains)
            && found.Any(t => !char.IsAsciiDigit(t[0]) && recorded.Contains(t));
    }

    // "MRN-00123456" and "00123456" are the same record number; a short fragment is not.
    private static bool SameIdentifier(string recorded, string value)
    {
        var a = AlphaNumeric(recorded);
        var b = AlphaNumeric(value);
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 6 ? longer.EndsWith(shorter, StringComparison.Ordinal) : shorter == longer;
    }

    private static HashSet<string> Tokens(string text) =>
        new(text.ToLowerInvariant().Split((char[])[' ', ',', '.', '#', '\n', '\t', '-'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    private static string Last10(string digits) => digits.Length > 10 ? digits[^10..] : digits;

    private static string AlphaNumeric(string text) => string.Concat(text.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
}
