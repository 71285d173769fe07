using System.Buffers;

namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>
/// A quick test for a run of digits long enough to be a phone or card number, digit groups joined by a few separator
/// characters ("(555) 234-5678", "4111 1111 1111 1111"). Lets a recognizer with several regexes skip a text that cannot
/// hold its entity in one pass that jumps from digit group to digit group; clinical notes are full of short numbers.
/// </summary>
internal static class DigitRuns
{
    /// <summary>
    /// True when <paramref name="text"/> has a run of <paramref name="minDigits"/> to <paramref name="maxDigits"/> digits
    /// in groups joined by at most <paramref name="maxJoin"/> characters from <paramref name="joiners"/>.
    /// </summary>
    public static bool Any(ReadOnlySpan<char> text, int minDigits, int maxDigits, SearchValues<char> joiners, int maxJoin)
    {
        var run = 0;
        var lastEnd = -1;
        var i = 0;
        while (i < text.Length)
        {
            var digit = text[i..].IndexOfAnyInRange('0', '9');
            if (digit < 0)
            {
                break;
            }

            var start = i + digit;
            var end = start + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            var joined = lastEnd >= 0 && start - lastEnd <= maxJoin && !text[lastEnd..start].ContainsAnyExcept(joiners);
            if (!joined && run >= minDigits && run <= maxDigits)
            {
                return true;
            }

            run = joined ? run + (end - start) : end - start;
            lastEnd = end;
            i = end;
        }

        return run >= minDigits && run <= maxDigits;
    }
}
