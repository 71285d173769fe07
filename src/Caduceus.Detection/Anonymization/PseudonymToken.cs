using System.Globalization;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// The shape of a pseudonym token: <c>&lt;</c>, an upper snake case entity type, <c>_</c>, a number from 1, <c>&gt;</c>
/// (<c>&lt;NAME_1&gt;</c>, <c>&lt;HEALTH_PLAN_ID_12&gt;</c>).
/// </summary>
internal static class PseudonymToken
{
    /// <summary>No token is longer: bounds what a streaming restorer holds back.</summary>
    public const int MaxLength = 48;

    /// <summary>Longest entity type a token can carry, so that every token fits <see cref="MaxLength"/>.</summary>
    public const int MaxEntityTypeLength = MaxLength - 13;

    public static string Format(string entityType, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"<{entityType}_{number}>");

    /// <summary>True for names that can stand in a token: upper case letters and inner underscores.</summary>
    public static bool IsValidEntityType(string entityType)
    {
        if (entityType.Length == 0 || entityType.Length > MaxEntityTypeLength || !char.IsAsciiLetterUpper(entityType[0]) || entityType[^1] == '_')
        {
            return false;
        }

        foreach (var c in entityType)
        {
            if (!char.IsAsciiLetterUpper(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a complete token; the number must not have a leading zero.</summary>
    public static bool TryParse(ReadOnlySpan<char> token, out ReadOnlySpan<char> entityType, out int number)
    {
        entityType = default;
        number = 0;
        if (token.Length < 5 || token.Length > MaxLength || token[0] != '<' || token[^1] != '>')
        {
            return false;
        }

        var inner = token[1..^1];
        var underscore = inner.LastIndexOf('_');
        if (underscore <= 0)
        {
            return false;
        }

        var digits = inner[(underscore + 1)..];
        if (digits.Length == 0 || digits.Length > 9 || digits[0] == '0' || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        entityType = inner[..underscore];
        foreach (var c in entityType)
        {
            if (!char.IsAsciiLetterUpper(c) && c != '_')
            {
                return false;
            }
        }

        return char.IsAsciiLetterUpper(entityType[0]);
    }

    /// <summary>
    /// True when <paramref name="text"/>, which starts with <c>&lt;</c> and has no <c>&gt;</c>, may still grow into a
    /// token: only token characters so far, and short enough.
    /// </summary>
    public static bool IsOpenPrefix(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text[0] != '<' || text.Length >= MaxLength)
        {
            return false;
        }

        if (text.Length > 1 && !char.IsAsciiLetterUpper(text[1]))
        {
            return false;
        }

        foreach (var c in text[1..])
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
