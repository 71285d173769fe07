using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Vehicles;

/// <summary>
/// A licence plate written in two groups with a space, <c>QNC 3657</c>, <c>519 SYF</c>, <c>7AB 123</c>: two to four
/// upper-case letters or digits each, five to eight in all, letters and digits both. Read only after a plate label
/// ("plate", "tag", "registration"), where the generic value reader would stop at the space: a group of letters is
/// a word to it ("Smith 12345"). Plates written as one token or with a hyphen (<c>7ABC123</c>, <c>UHJ-6329</c>) are
/// the generic reader's.
/// </summary>
internal static class LicensePlate
{
    private const int MinGroup = 2;
    private const int MaxGroup = 4;
    private const int MinCharacters = 5;

    /// <summary>Reads a two-group plate at <paramref name="start"/>; false when none starts there.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, int start, out IdentifierValue value)
    {
        value = default;
        var first = GroupLength(text, start);
        if (first is < MinGroup or > MaxGroup || start + first + 1 >= text.Length || text[start + first] != ' ')
        {
            return false;
        }

        var secondStart = start + first + 1;
        var second = GroupLength(text, secondStart);
        var end = secondStart + second;
        if (second is < MinGroup or > MaxGroup || first + second < MinCharacters || !EndsAlone(text, end))
        {
            return false;
        }

        Span<char> joined = stackalloc char[MaxGroup * 2];
        text.Slice(start, first).CopyTo(joined);
        text.Slice(secondStart, second).CopyTo(joined[first..]);
        joined = joined[..(first + second)];
        var digits = Count(joined);
        var letters = joined.Length - digits;
        if (digits == 0 || letters == 0 || IdentifierValue.IsQuantity(joined))
        {
            return false;
        }

        value = new IdentifierValue(start, end - start, digits, letters);
        return true;
    }

    // Upper-case letters and digits: a plate is written in capitals, and "tag 123 and" is not one.
    private static int GroupLength(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || char.IsAsciiLetterUpper(text[i])))
        {
            i++;
        }

        return i < text.Length && char.IsAsciiLetterLower(text[i]) ? 0 : i - start;
    }

    // Not running on into another group ("ABC 1234-5", "ABC 1234x").
    private static bool EndsAlone(ReadOnlySpan<char> text, int end) =>
        end == text.Length
        || !(char.IsLetterOrDigit(text[end]) || (text[end] is '-' or '/' or '.' or '_' or '@' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1])));

    private static int Count(ReadOnlySpan<char> joined)
    {
        var digits = 0;
        foreach (var c in joined)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits;
    }
}
