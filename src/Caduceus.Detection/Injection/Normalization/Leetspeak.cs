using System.Buffers;

namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// Reads digits and symbols inside words as the letters they imitate: "1gn0r3 pr3v10u5 1n5truct10n5" becomes
/// "ignore previous instructions". Only words that mix letters with these characters change, so "take 5 mg at 7 am"
/// and "BP 120/80" stay as they are; the folding is a separate view and never replaces the text.
/// </summary>
internal static class Leetspeak
{
    private const int MaxWordLength = 40;

    private static readonly SearchValues<char> Substitutes = SearchValues.Create("013457@$");

    /// <summary>
    /// True when some word mixing letters with leetspeak characters folds to a <see cref="SignalKeywords"/> word:
    /// only then is a leetspeak view worth a detector pass.
    /// </summary>
    public static bool HasKeyword(ReadOnlySpan<char> text)
    {
        Span<char> folded = stackalloc char[MaxWordLength];
        var from = 0;
        while (true)
        {
            var hit = text[from..].IndexOfAny(Substitutes);
            if (hit < 0)
            {
                return false;
            }

            var (start, end) = WordAround(text, from + hit);
            var word = text[start..end];
            if (word.Length <= MaxWordLength && HasLetter(word) && FoldsToKeyword(word, folded))
            {
                return true;
            }

            from = Math.Max(end, from + hit + 1);
        }
    }

    /// <summary>
    /// The text with every word that mixes letters and leetspeak characters folded, and short all-digit words ("4",
    /// "45", "1") next to such a word: "4c7 45 4 h4ck3r" reads "act as a hacker", while "take 5 mg" keeps its 5.
    /// </summary>
    public static string Fold(string text)
    {
        var chars = text.ToCharArray();
        var span = chars.AsSpan();
        Span<char> scratch = stackalloc char[MaxWordLength];

        // All-digit words wait here until the next word shows whether they stand among leetspeak.
        var pendingStart = -1;
        var pendingEnd = -1;
        var afterLeet = false;
        var i = 0;
        while (true)
        {
            while (i < span.Length && !IsWordChar(span[i]))
            {
                i++;
            }

            if (i == span.Length)
            {
                break;
            }

            var start = i;
            while (i < span.Length && IsWordChar(span[i]))
            {
                i++;
            }

            var word = span[start..i];
            if (HasLetter(word))
            {
                var isLeet = word.ContainsAny(Substitutes);
                if (isLeet)
                {
                    // "1" is "i" in "1gnore" and "l" in "ru1es": take "l" only when that alone makes a signal word.
                    var asL = word.Length <= MaxWordLength && word.Contains('1') && FoldsToKeyword(word, scratch, oneAs: 'l')
                        && !FoldsToKeyword(word, scratch, oneAs: 'i');
                    FoldInto(word, word, asL ? 'l' : 'i');
                    if (pendingStart >= 0)
                    {
                        FoldInto(span[pendingStart..pendingEnd], span[pendingStart..pendingEnd], 'i');
                    }
                }

                pendingStart = -1;
                afterLeet = isLeet;
            }
            else if (word.Length <= 3 && !word.ContainsAnyExcept(Substitutes))
            {
                if (afterLeet)
                {
                    FoldInto(word, word, 'i');
                }
                else
                {
                    pendingStart = pendingStart < 0 ? start : pendingStart;
                    pendingEnd = i;
                }
            }
            else
            {
                pendingStart = -1;
                afterLeet = false;
            }
        }

        return new string(chars);
    }

    private static bool FoldsToKeyword(ReadOnlySpan<char> word, Span<char> scratch) =>
        FoldsToKeyword(word, scratch, 'i') || (word.Contains('1') && FoldsToKeyword(word, scratch, 'l'));

    private static bool FoldsToKeyword(ReadOnlySpan<char> word, Span<char> scratch, char oneAs)
    {
        var folded = scratch[..word.Length];
        FoldInto(word, folded, oneAs);
        return SignalKeywords.Lookup.Contains(folded);
    }

    private static void FoldInto(ReadOnlySpan<char> word, Span<char> destination, char oneAs)
    {
        for (var i = 0; i < word.Length; i++)
        {
            destination[i] = word[i] switch
            {
                '0' => 'o',
                '1' => oneAs,
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                var c => c,
            };
        }
    }

    // A word here is a run of letters, digits, '@' and '$'.
    private static (int Start, int End) WordAround(ReadOnlySpan<char> text, int index)
    {
        var start = index;
        while (start > 0 && IsWordChar(text[start - 1]))
        {
            start--;
        }

        var end = index + 1;
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '@' or '$';

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
