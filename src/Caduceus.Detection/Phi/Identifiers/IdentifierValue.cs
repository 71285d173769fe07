using System.Buffers;
using System.Collections.Frozen;

namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>
/// An identifier-shaped value in a text: letters and digits in segments joined by '-', '.', '/' or a single space
/// (<c>XJH123456789</c>, <c>4482-AX-19</c>, <c>W123 4567 89</c>), with at least one digit.
/// </summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Characters covered, separators included.</param>
/// <param name="Digits">Number of digits.</param>
/// <param name="Letters">Number of letters.</param>
internal readonly record struct IdentifierValue(int Start, int Length, int Digits, int Letters)
{
    /// <summary>Longest value read, so that a hash or template reference fits but a run-away token does not.</summary>
    public const int MaxLength = 128;

    /// <summary>Fewest letters and digits a value needs: "Group #: 12" is too short to identify anyone.</summary>
    public const int MinCharacters = 4;

    private static readonly SearchValues<char> Joiners = SearchValues.Create("-./");

    // Units and ordinals that turn a number into a quantity ("500mg", "10th"), and month abbreviations ("15Jan").
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> QuantityWords = FrozenSet.ToFrozenSet(
    [
        "mg", "mcg", "ug", "g", "kg", "lb", "lbs", "oz", "ml", "l", "dl", "cc", "iu", "u", "units", "meq", "mmol", "mol",
        "mm", "cm", "m", "km", "in", "ft", "mmhg", "bpm", "hz", "khz", "mhz", "kb", "mb", "gb", "tb", "h", "hr", "hrs",
        "min", "mins", "s", "sec", "ms", "d", "wk", "wks", "mo", "mos", "y", "yr", "yrs", "yo", "x", "am", "pm", "st",
        "nd", "rd", "th", "k", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>End offset, one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Letters and digits, separators not counted.</summary>
    public int Characters => Digits + Letters;

    /// <summary>
    /// Shaped like an identifier without help from a label: at least five characters, three of them digits.
    /// </summary>
    public bool LooksLikeIdentifier => Characters >= 5 && Digits >= 3;

    /// <summary>Four digits that read as a year from 1900 to 2099 ("Medicaid 2019").</summary>
    public bool IsYear(ReadOnlySpan<char> text) =>
        Length == 4 && Digits == 4 && text[Start..End] is ['1', '9', _, _] or ['2', '0', _, _];

    /// <summary>
    /// Reads the value starting at <paramref name="start"/>. False when there is none there, when it is too short,
    /// too long, has no digit, or is a date, a decimal number or a quantity ("12/03/2024", "3.5", "500mg").
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where the value should start.</param>
    /// <param name="letterPrefix">
    /// True when a short upper-case group may start the value before a space ("ABC 1234", "XJH 123456789"): only where
    /// a label ties the value to it, since elsewhere such a group is usually a word ("SSN 536-22-1843").
    /// </param>
    /// <param name="value">The value read.</param>
    public static bool TryRead(ReadOnlySpan<char> text, int start, bool letterPrefix, out IdentifierValue value)
    {
        value = default;
        if (start >= text.Length || !char.IsAsciiLetterOrDigit(text[start]))
        {
            return false;
        }

        var digits = 0;
        var letters = 0;
        var segments = 0;
        var joiners = 0;
        var dots = 0;
        var i = start;
        while (true)
        {
            var segmentStart = i;
            var segmentHasLower = false;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                if (char.IsAsciiDigit(text[i]))
                {
                    digits++;
                }
                else
                {
                    letters++;
                    segmentHasLower |= char.IsAsciiLetterLower(text[i]);
                }

                i++;
            }

            segments++;
            if (i - start > MaxLength)
            {
                return false;
            }

            if (i + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                break;
            }

            if (Joiners.Contains(text[i]))
            {
                joiners++;
                dots += text[i] == '.' ? 1 : 0;
                i++;
                continue;
            }

            // "XJH 1234 5678" and "ABC 1234": a space joins a following group of three or more characters with a
            // digit, when what came before has a digit or is a short upper-case prefix ("Smith 12345" stays apart).
            if (text[i] == ' ' && JoinsAcrossSpace(text, i + 1, digits > 0 || (letterPrefix && i - start <= 4 && !segmentHasLower && segments == 1)))
            {
                i++;
                continue;
            }

            break;
        }

        var end = i;
        if (digits == 0 || digits + letters < MinCharacters || !EndsCleanly(text, end))
        {
            return false;
        }

        var candidate = text[start..end];
        if (letters == 0 && joiners > 0 && (IsDate(candidate) || (dots == 1 && joiners == 1)))
        {
            return false;
        }

        if (segments == 1 && (IsQuantity(candidate) || IsGravidaPara(candidate)))
        {
            return false;
        }

        value = new IdentifierValue(start, end - start, digits, letters);
        return true;
    }

    private static bool JoinsAcrossSpace(ReadOnlySpan<char> text, int next, bool allowed)
    {
        if (!allowed)
        {
            return false;
        }

        var length = 0;
        var hasDigit = false;
        while (next + length < text.Length && char.IsAsciiLetterOrDigit(text[next + length]))
        {
            hasDigit |= char.IsAsciiDigit(text[next + length]);
            length++;
        }

        return hasDigit && length >= 3;
    }

    // An e-mail's local part, a word_with_underscores or a time ("10:30") is not an identifier value.
    private static bool EndsCleanly(ReadOnlySpan<char> text, int end) =>
        end == text.Length
        || !(text[end] is '@' or '_' || (text[end] == ':' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])));

    // 12/03/2024, 3-12-24, 2024-03-12, 12.03.2024: digit groups of date lengths.
    private static bool IsDate(ReadOnlySpan<char> candidate)
    {
        Span<int> lengths = stackalloc int[3];
        var groups = 0;
        var length = 0;
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                length++;
                continue;
            }

            if (groups == 2)
            {
                return false;
            }

            lengths[groups++] = length;
            length = 0;
        }

        if (groups != 2)
        {
            return false;
        }

        lengths[2] = length;
        return (lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] is 2 or 4)
            || (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2);
    }

    /// <summary>
    /// 500mg, 10th, 2x500mg, 15Jan2024: starts with a digit, and every run of letters is a unit, an ordinal or a month.
    /// </summary>
    public static bool IsQuantity(ReadOnlySpan<char> candidate)
    {
        if (!char.IsAsciiDigit(candidate[0]) || !candidate.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var rest = candidate;
        while (true)
        {
            var letters = rest.IndexOfAnyExceptInRange('0', '9');
            if (letters < 0)
            {
                return true;
            }

            rest = rest[letters..];
            var length = rest.IndexOfAnyInRange('0', '9');
            var word = length < 0 ? rest : rest[..length];
            if (!QuantityWords.Contains(word))
            {
                return false;
            }

            rest = rest[word.Length..];
        }
    }

    /// <summary>Obstetric history, G3P2012 (gravida, para): a clinical code, not an identifier.</summary>
    public static bool IsGravidaPara(ReadOnlySpan<char> token)
    {
        if (token.Length > 8 || token[0] is not ('G' or 'g'))
        {
            return false;
        }

        var rest = token[1..];
        var para = rest.IndexOfAny('P', 'p');
        return para >= 1
            && para < rest.Length - 1
            && !rest[..para].ContainsAnyExceptInRange('0', '9')
            && !rest[(para + 1)..].ContainsAnyExceptInRange('0', '9');
    }
}
