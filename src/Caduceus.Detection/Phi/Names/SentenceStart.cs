namespace Caduceus.Detection.Phi.Names;

/// <summary>Whether a word opens a sentence or a line, where capitalization says nothing about it being a name.</summary>
internal static class SentenceStart
{
    /// <summary>True when only spaces, or nothing, stand between the sentence's end (or an opening mark or a line break) and <paramref name="start"/>.</summary>
    public static bool IsAt(ReadOnlySpan<char> text, int start)
    {
        var before = text[..start];
        var trimmed = before.TrimEnd();
        return trimmed.IsEmpty
            || trimmed[^1] is '.' or '!' or '?' or '\u00BF' or '\u00A1' or '"' or '\u201C'
            || before.TrimEnd(' ').EndsWith('\n');
    }
}
