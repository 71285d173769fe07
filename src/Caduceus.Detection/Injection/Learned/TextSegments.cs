namespace Caduceus.Detection.Injection.Learned;

/// <summary>
/// Cuts a text into the pieces the injection classifier scores one by one: sentences and lines, joined up to about
/// <see cref="TargetLength"/> characters. An instruction smuggled into a long document is one sentence among many;
/// scored alone it is not drowned by the document around it.
/// </summary>
internal static class TextSegments
{
    public const int TargetLength = 320;

    /// <summary>Cap on segments per text; the rest of a very long text goes into the last one.</summary>
    public const int MaxSegments = 64;

    public static List<string> Split(string text) => Split(text, TargetLength);

    /// <summary>Sentences and lines joined up to about <paramref name="targetLength"/> characters; 0 keeps each one apart.</summary>
    public static List<string> Split(string text, int targetLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<string>();
        var start = 0;
        var segmentStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var boundary = c == '\n' || ((c is '.' or '!' or '?') && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!boundary)
            {
                continue;
            }

            start = i + 1;
            if (start - segmentStart >= targetLength / 2 && segments.Count < MaxSegments - 1)
            {
                Add(segments, text[segmentStart..start]);
                segmentStart = start;
            }
        }

        Add(segments, text[segmentStart..]);
        return segments;
    }

    private static void Add(List<string> segments, string segment)
    {
        if (!string.IsNullOrWhiteSpace(segment))
        {
            segments.Add(segment.Trim());
        }
    }
}
