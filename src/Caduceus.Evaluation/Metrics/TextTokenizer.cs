using System.Globalization;
using System.Text;

namespace Caduceus.Evaluation.Metrics;

/// <summary>
/// Splits a text into the units the metrics count. A token is a maximal run of letters (Unicode L*), decimal digits
/// (Nd) and combining marks (Mn, Mc); everything else (spaces, punctuation, symbols, emoji) separates tokens and is
/// never counted. So <c>555-123-4567</c> is three tokens, <c>jane.roe@example.org</c> four, <c>Bell's</c> two.
/// Characters outside the Basic Multilingual Plane are judged as whole code points, never as surrogate halves.
/// </summary>
internal static class TextTokenizer
{
    public static List<TextToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TextToken>();
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            int width;
            bool inToken;
            if (Rune.TryGetRuneAt(text, i, out var rune))
            {
                width = rune.Utf16SequenceLength;
                inToken = IsTokenRune(rune);
            }
            else
            {
                width = 1;
                inToken = false;
            }

            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                tokens.Add(new TextToken(start, i));
                start = -1;
            }

            i += width;
        }

        if (start >= 0)
        {
            tokens.Add(new TextToken(start, text.Length));
        }

        return tokens;
    }

    private static bool IsTokenRune(Rune rune)
    {
        if (Rune.IsLetterOrDigit(rune))
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
