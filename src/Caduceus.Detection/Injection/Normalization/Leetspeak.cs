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
    /// "45", "1") among such words: "4c7 45 4 h4ck3r" reads "act as a hacker", while "take 5 mg" keeps its 5.
    /// </summary>
    public static string Fold(string text)
    {
        var chars = text.ToCharArray();
        var span = chars.AsSpan();
        Span<char> scratch = stackalloc char[MaxWordLength];
        var from = 0;
        while (true)
        {
            var hit = span[from..].IndexOfAny(Substitutes);
            if (hit < 0)
            {
                break;
            }

            var (start, end) = WordAround(span, from + hit);
            var word = span[start..end];
            if (HasLetter(word))
            {
                // "1" is "i" in "1gnore" and "l" in "ru1es": take "l" only when that alone makes a signal word.
                var asL = word.Length <= MaxWordLength && word.Contains('1') && FoldsToKeyword(word, scratch, oneAs: 'l')
                    && !FoldsToKeyword(word, scratch, oneAs: 'i');
                FoldInto(word, word, asL ? 'l' : 'i');
            }
            else if (IsDigitWord(word) && AmongLeetspeak(text, start, end))
            {
                FoldInto(word, word, 'i');
            }

            from = end;
        }

        return new string(chars);
    }

    // Whether a word of the original text, within three all-digit words either way, is a leetspeak word.
    private static bool AmongLeetspeak(string text, int start, int end)
    {
        var (s, e) = (start, end);
        for (var step = 0; step < 3 && PreviousWord(text, s) is var (ps, pe) && pe > ps; step++)
        {
            var word = text.AsSpan(ps, pe - ps);
            if (IsLeetWord(word))
            {
                return true;
            }

            if (!IsDigitWord(word))
            {
                break;
            }

            s = ps;
        }

        for (var step = 0; step < 3 && NextWord(text, e) is var (ns, ne) && ne > ns; step++)
        {
            var word = text.AsSpan(ns, ne - ns);
            if (IsLeetWord(word))
            {
                return true;
            }

            if (!IsDigitWord(word))
            {
                break;
            }

            e = ne;
        }

        return false;
    }

    private static (int Start, int End) PreviousWord(string text, int start)
    {
        var end = start;
        while (end > 0 && !IsWordChar(text[end - 1]))
        {
            end--;
        }

        var wordStart = end;
        while (wordStart > 0 && IsWordChar(text[wordStart - 1]))
        {
            wordStart--;
        }

        return (wordStart, end);
    }

    private static (int Start, int End) NextWord(string text, int end)
    {
        var start = end;
        while (start < text.Length && !IsWordChar(text[start]))
        {
            start++;
        }

        var wordEnd = start;
        while (wordEnd < text.Length && IsWordChar(text[wordEnd]))
        {
            wordEnd++;
        }

        return (start, wordEnd);
    }

    private static bool IsLeetWord(ReadOnlySpan<char> word) => word.ContainsAny(Substitutes) && HasLetter(word);

    // "4", "45", "1": short, and every character a leetspeak substitute.
    private static bool IsDigitWord(ReadOnlySpan<char> word) => word.Length <= 3 && !word.ContainsAnyExcept(Substitutes);

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
