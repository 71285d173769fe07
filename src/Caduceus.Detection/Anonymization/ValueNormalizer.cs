using System.Text;
using Caduceus.Detection.Anonymization.Dates;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// The form in which two spellings of one value are equal, so that they get the same pseudonym, hash or surrogate:
/// <c>536-22-1843</c> and <c>536 22 1843</c>; <c>(555) 234-5678</c> and <c>+1 555 234 5678</c>; <c>01/05/2021</c> and
/// <c>January 5, 2021</c>; <c>Jane Roe</c> and <c>JANE  ROE</c>. The result is a lookup key only: it is hashed or held
/// in memory, never stored or shown.
/// </summary>
public static class ValueNormalizer
{
    public static string Normalize(string entityType, string value)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(value);
        switch (entityType)
        {
            case EntityTypes.Ssn:
            case EntityTypes.Phone:
            case EntityTypes.Fax:
                var digits = Keep(value, char.IsAsciiDigit, upper: false);
                return entityType != EntityTypes.Ssn && digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits;
            case EntityTypes.Email:
                return value.Trim().ToLowerInvariant();
            case EntityTypes.Date:
                var trimmed = value.Trim();
                return ClinicalDate.TryParse(trimmed, out var date) ? date.Canonical + Words(date.Remainder) : Words(value);
            case EntityTypes.Mrn:
            case EntityTypes.HealthPlanId:
            case EntityTypes.Account:
            case EntityTypes.License:
            case EntityTypes.Vehicle:
            case EntityTypes.DeviceId:
            case EntityTypes.OtherId:
                // Separators in identifiers are formatting: A12-345 and A12 345 are one number.
                return Keep(value, char.IsAsciiLetterOrDigit, upper: true);
            default:
                return Words(value);
        }
    }

    /// <summary>Upper case, runs of white space as one space, no white space at either end.</summary>
    private static string Words(string value)
    {
        var result = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(char.ToUpperInvariant(c));
        }

        return result.ToString();
    }

    private static string Keep(string value, Func<char, bool> keep, bool upper)
    {
        var result = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (keep(c))
            {
                result.Append(upper ? char.ToUpperInvariant(c) : c);
            }
        }

        return result.ToString();
    }
}
