using System.Globalization;
using System.Text;

namespace Caduceus.Detection.Phi.Learned;

/// <summary>
/// Splits a text into the words the tagger labels: maximal runs of letters, decimal digits and combining marks.
/// Everything else separates words and is seen by the tagger only as the gap between two of them. This is the unit
/// `caduceus eval phi` counts, so what the tagger learns is what the metrics measure.
/// </summary>
internal static class TagTokenizer
{
    public static void Tokenize(string text, List<TagToken> tokens)
    {
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int width;
            bool inToken;
            if (c < 0x80)
            {
                width = 1;
                inToken = char.IsAsciiLetterOrDigit(c);
            }
            else if (Rune.TryGetRuneAt(text, i, out var rune))
            {
                width = rune.Utf16SequenceLength;
                inToken = IsWordRune(rune);
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
                tokens.Add(new TagToken(start, i));
                start = -1;
            }

            i += width;
        }

        if (start >= 0)
        {
            tokens.Add(new TagToken(start, text.Length));
        }
    }

    private static bool IsWordRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
