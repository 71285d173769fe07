using System.Buffers;

namespace Caduceus.Detection.Phi;

/// <summary>
/// Anchors a pattern that begins with <c>\G\b</c> and one of a list of words ("March 14", "Sept. 2019"): it is tried
/// where one of the words occurs (ordinal, case-insensitive) and no letter or digit precedes it, found in one
/// vectorized search, instead of at nearly every letter. Exact: after a letter or digit <c>\b</c> cannot hold before
/// a word, and the list must hold every word a match can begin with; the pattern still checks the rest.
/// </summary>
internal sealed class WordListAnchor : IPatternAnchor
{
    private readonly SearchValues<string> _words;

    public WordListAnchor(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        string[] list = [.. words];
        if (list.Length == 0 || list.Any(w => string.IsNullOrEmpty(w) || !char.IsLetterOrDigit(w[0])))
        {
            throw new ArgumentException("A word anchor needs at least one word, each starting with a letter or digit.", nameof(words));
        }

        _words = SearchValues.Create(list, StringComparison.OrdinalIgnoreCase);
    }

    public int NextStart(string text, ref int from)
    {
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(_words);
            if (found < 0)
            {
                break;
            }

            var start = from + found;
            from = start + 1;
            if (start == 0 || !char.IsLetterOrDigit(text[start - 1]))
            {
                return start;
            }
        }

        from = text.Length;
        return -1;
    }
}
