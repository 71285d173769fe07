using System.Buffers;

namespace Caduceus.Detection.Phi;

/// <summary>
/// Lets a pattern whose first characters are common (letters, digits) be tried only where a match can start: every
/// match contains one of <c>anchors</c> ('@' in an email address) and starts at the beginning of the run of token
/// characters that leads to it, because the pattern's lookbehind forbids a token character before the match. So the
/// recognizer finds each anchor, walks left to the start of its run and tries the pattern there once, instead of
/// letting the regex engine try at every letter of the text.
/// </summary>
/// <remarks>
/// The pattern must begin with <c>\G</c> (match exactly where it is tried), its leading lookbehind must reject the
/// word characters (<c>\w</c>), <c>tokenChars</c> and <c>notAfter</c>, and everything it matches before the anchor
/// must be ASCII: then it finds the same matches as the unanchored regex scanning the whole text. The walk stops at
/// the first character that is not an ASCII word character or a token character; a match cannot reach past it.
/// </remarks>
internal sealed class RegexAnchor : IPatternAnchor
{
    private readonly SearchValues<char> _anchors;
    private readonly SearchValues<char> _tokenChars;
    private readonly SearchValues<char> _notAfter;

    /// <param name="anchors">Every match contains at least one of these.</param>
    /// <param name="tokenChars">Characters besides \w that a match cannot follow and that a walk to its start crosses.</param>
    /// <param name="notAfter">Characters a match cannot follow that are not part of the token ('@' before a domain).</param>
    public RegexAnchor(string anchors, string tokenChars, string notAfter = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(anchors);
        ArgumentNullException.ThrowIfNull(tokenChars);
        ArgumentNullException.ThrowIfNull(notAfter);
        _anchors = SearchValues.Create(anchors);
        _tokenChars = SearchValues.Create(tokenChars);
        _notAfter = SearchValues.Create(notAfter);
    }

    /// <summary>
    /// The positions where a match may start, left to right, each once: the start of the token run of every anchor
    /// at or after <paramref name="from"/>, unless a <c>notAfter</c> character precedes it.
    /// </summary>
    public int NextStart(string text, ref int from)
    {
        while (from < text.Length)
        {
            var anchor = text.AsSpan(from).IndexOfAny(_anchors);
            if (anchor < 0)
            {
                from = text.Length;
                return -1;
            }

            anchor += from;
            var start = anchor;
            while (start > 0 && IsTokenChar(text[start - 1]))
            {
                start--;
            }

            // Every anchor in the rest of this run leads to the same start: skip them.
            var end = anchor;
            while (end < text.Length && IsTokenChar(text[end]))
            {
                end++;
            }

            from = Math.Max(anchor + 1, end);
            if (start == 0 || !_notAfter.Contains(text[start - 1]))
            {
                return start;
            }
        }

        return -1;
    }

    private bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || _tokenChars.Contains(c);
}
