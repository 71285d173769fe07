namespace Caduceus.Gateway.Streaming;

/// <summary>
/// Decides how much of a growing answer may be released before more text arrives, without ever releasing the
/// start of an identifier whose end has not been seen yet. Two things are held back: the trailing partial word
/// (it may become an e-mail address) and an open run of digits (a phone number or SSN may still be arriving
/// across chunks, possibly with spaces, dashes, dots or parentheses between the digit groups).
/// </summary>
internal static class StreamHoldback
{
    /// <summary>At most this many separator characters may sit between two digit groups of one identifier.</summary>
    private const int MaxSeparatorGap = 3;

    /// <summary>Bounds on what is held, so a pathological stream cannot make the gateway buffer without limit.</summary>
    private const int MaxHeldDigitRun = 64;

    private const int MaxHeldWord = 256;

    /// <summary>Length of the prefix of <paramref name="pending"/> that no future text can turn into part of an identifier.</summary>
    public static int SafeLength(ReadOnlySpan<char> pending)
    {
        var safe = pending.Length;

        var lastWhitespace = pending.LastIndexOfAny(Whitespace);
        var partialWordStart = lastWhitespace + 1;
        if (pending.Length - partialWordStart <= MaxHeldWord)
        {
            safe = partialWordStart;
        }

        var runStart = OpenDigitRunStart(pending);
        if (runStart >= 0 && pending.Length - runStart <= MaxHeldDigitRun)
        {
            safe = Math.Min(safe, WordStart(pending, runStart));
        }

        return safe;
    }

    /// <summary>Start of the digit run that the end of the text still belongs to, or -1 when the last run is closed.</summary>
    private static int OpenDigitRunStart(ReadOnlySpan<char> text)
    {
        var i = text.Length - 1;
        var gap = 0;
        while (i >= 0 && IsSeparator(text[i]) && gap <= MaxSeparatorGap)
        {
            i--;
            gap++;
        }

        if (i < 0 || !char.IsAsciiDigit(text[i]) || gap > MaxSeparatorGap)
        {
            return -1;
        }

        var start = i;
        while (i >= 0)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                start = i;
                i--;
                gap = 0;
            }
            else if (IsSeparator(text[i]) && gap < MaxSeparatorGap)
            {
                i--;
                gap++;
            }
            else
            {
                break;
            }
        }

        return start;
    }

    private static int WordStart(ReadOnlySpan<char> text, int index)
    {
        var before = text[..index].LastIndexOfAny(Whitespace);
        return before + 1;
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '(' or ')' or '+' or '/' or '\u00A0';

    private static ReadOnlySpan<char> Whitespace => [' ', '\n', '\r', '\t', '\u00A0'];
}
