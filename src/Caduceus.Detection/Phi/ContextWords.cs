using System.Buffers;

namespace Caduceus.Detection.Phi;

/// <summary>
/// Words that make a nearby candidate more likely to be the entity ("SSN" before nine digits). Searched in a window
/// of characters before the candidate, case-insensitively, as whole words.
/// </summary>
internal sealed class ContextWords
{
    /// <summary>Characters looked at before a candidate: a short clause, e.g. "my social security number is".</summary>
    public const int DefaultWindow = 40;

    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\r\n:#-=.(");

    private readonly string[] _words;
    private readonly SearchValues<string> _anyWord;
    private readonly int _window;

    /// <param name="words">Lower-case words or phrases; they appear in explanations as written here.</param>
    /// <param name="window">Characters before the candidate that are searched.</param>
    public ContextWords(string[] words, int window = DefaultWindow)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        foreach (var word in words)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(word, nameof(words));
        }

        _words = words;
        _anyWord = SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
        _window = window;
    }

    /// <summary>No context words: every candidate is judged on its pattern alone.</summary>
    public static ContextWords None { get; } = new([], 0);

    /// <summary>
    /// True when some context word occurs anywhere in <paramref name="text"/> (whole word or not): a cheap test that
    /// lets a recognizer skip the patterns that need context.
    /// </summary>
    public bool AnyIn(ReadOnlySpan<char> text) => _words.Length > 0 && text.ContainsAny(_anyWord);

    /// <summary>The context word closest before <paramref name="start"/>, within the window.</summary>
    public ContextMatch FindBefore(string text, int start)
    {
        if (_words.Length == 0 || start == 0)
        {
            return default;
        }

        var windowStart = Math.Max(0, start - _window);
        string? best = null;
        var bestEnd = -1;
        foreach (var word in _words)
        {
            var end = LastWholeWordEnd(text, windowStart, start, word);
            if (end > bestEnd || (end == bestEnd && end >= 0 && word.Length > best!.Length))
            {
                best = word;
                bestEnd = end;
            }
        }

        if (best is null)
        {
            return default;
        }

        var gap = text.AsSpan(bestEnd, start - bestEnd);
        return new ContextMatch(best, !gap.ContainsAnyExcept(Separators));
    }

    /// <summary>End offset of the last whole-word occurrence of <paramref name="word"/> in [windowStart, start), or -1.</summary>
    /// <remarks>
    /// Scans forward: span <c>IndexOf</c> with <see cref="StringComparison.OrdinalIgnoreCase"/> is vectorized,
    /// <c>LastIndexOf</c> is not (about 40 times slower on a 40-character window), and this runs for every candidate.
    /// </remarks>
    private static int LastWholeWordEnd(string text, int windowStart, int start, string word)
    {
        var lastEnd = -1;
        var from = windowStart;
        while (start - from >= word.Length)
        {
            var index = text.AsSpan(from, start - from).IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                break;
            }

            var at = from + index;
            var end = at + word.Length;
            if (IsWordStart(text, at, word) && IsWordEnd(text, end, word))
            {
                lastEnd = end;
            }

            from = at + 1;
        }

        return lastEnd;
    }

    // Boundaries matter only where the word itself begins or ends with a letter or digit: "record #" may touch digits.
    private static bool IsWordStart(string text, int at, string word) =>
        at == 0 || !char.IsLetterOrDigit(word[0]) || !char.IsLetterOrDigit(text[at - 1]);

    private static bool IsWordEnd(string text, int end, string word) =>
        end == text.Length || !char.IsLetterOrDigit(word[^1]) || !char.IsLetterOrDigit(text[end]);
}
