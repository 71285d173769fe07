namespace Caduceus.TestModel.Protocol;

/// <summary>Cuts text into streaming deltas of a given size without splitting a surrogate pair.</summary>
internal static class TextChunks
{
    public static IEnumerable<Range> Split(string text, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(start + size, text.Length);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
            {
                end++;
            }

            yield return start..end;
            start = end;
        }
    }
}
