using System.Collections.Frozen;

namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>
/// What stands between a label and its value: punctuation (<c>:</c>, <c>#</c>, <c>=</c>, <c>.</c>), id markers
/// ("id", "number", "no.") and a few filler words ("is", "template"), as in <c>Member ID number is XJH123456789</c>.
/// </summary>
/// <param name="ValueStart">Offset where the value should start.</param>
/// <param name="HasMarker">An id marker ('#', "id", "number", "no") says a value follows.</param>
/// <param name="HasFiller">A filler word ("is", "was") stands between label and value: slightly weaker evidence.</param>
/// <param name="IsDirect">
/// A marker, ':', '=' or '#' ties the value to the label ("Plate: ABC 1234"), as opposed to words simply following
/// each other ("Patient SSN 536-...").
/// </param>
internal readonly record struct LabelGap(int ValueStart, bool HasMarker, bool HasFiller, bool IsDirect)
{
    /// <summary>Characters between label and value at most.</summary>
    public const int MaxLength = 40;

    private const int MaxWords = 4;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Markers = FrozenSet.ToFrozenSet(
        ["id", "ids", "identifier", "identification", "number", "numbers", "no", "nos", "num", "nbr", "nr"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Fillers = FrozenSet.ToFrozenSet(
        ["is", "was", "are", "reads", "card", "template", "hash", "scan", "image", "photo", "record", "file", "ref", "reference"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Reads the gap after a label ending at <paramref name="labelEnd"/>; false when no value can follow.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, int labelEnd, out LabelGap gap)
    {
        gap = default;
        var hasMarker = false;
        var hasFiller = false;
        var hasPunctuation = false;
        var words = 0;
        var lineBreaks = 0;
        var i = labelEnd;
        while (i < text.Length && i - labelEnd <= MaxLength)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t' or '\r':
                    i++;
                    continue;
                case '\n':
                    // A value on the next line of a form ("Member ID\nXJH123"), but not across a blank line.
                    if (++lineBreaks > 1)
                    {
                        return false;
                    }

                    i++;
                    continue;
                case '#':
                    hasMarker = true;
                    i++;
                    continue;
                case ':' or '=':
                    hasPunctuation = true;
                    i++;
                    continue;
                case '.' or '-' or '\u2013':
                    i++;
                    continue;
            }

            if (char.IsAsciiDigit(c))
            {
                break;
            }

            if (!char.IsAsciiLetter(c))
            {
                return false;
            }

            var wordEnd = i;
            while (wordEnd < text.Length && char.IsAsciiLetter(text[wordEnd]))
            {
                wordEnd++;
            }

            // Letters running into digits start the value itself ("ID XJH123").
            if (wordEnd < text.Length && char.IsAsciiDigit(text[wordEnd]))
            {
                break;
            }

            var word = text[i..wordEnd];
            if (Markers.Contains(word))
            {
                hasMarker = true;
            }
            else if (Fillers.Contains(word))
            {
                hasFiller = true;
            }
            else
            {
                break; // Perhaps an all-letter value; the value reader decides (it needs a digit).
            }

            if (++words > MaxWords)
            {
                return false;
            }

            i = wordEnd;
        }

        if (i >= text.Length || i - labelEnd > MaxLength)
        {
            return false;
        }

        gap = new LabelGap(i, hasMarker, hasFiller, hasMarker || hasPunctuation);
        return true;
    }
}
