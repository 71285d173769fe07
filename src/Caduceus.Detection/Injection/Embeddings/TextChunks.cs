using Caduceus.Detection.Injection.Learned;
using FastBertTokenizer;

namespace Caduceus.Detection.Injection.Embeddings;

/// <summary>
/// Cuts a text into the token windows the sentence encoder embeds one by one. The text is first cut into sentences and
/// lines, joined up to a target length (<see cref="TextSegments"/>: 320 characters as the n-gram classifier does, or 0
/// to keep every sentence apart), so that one instruction smuggled into a document gets a vector of its own; a segment longer than a window is cut into windows
/// that overlap by a quarter, so no part of a long text goes unread. Each window starts with [CLS] and ends with [SEP].
/// At most <see cref="MaxChunks"/> windows: the rest of a very long text is left to the cheaper layers.
/// </summary>
internal sealed class TextChunks
{
    public const int DefaultWindowTokens = 128;
    public const int MaxChunks = 64;

    private readonly BertTokenizer _tokenizer;
    private readonly int _windowTokens;
    private readonly Lock _tokenizerLock = new();
    private readonly long _cls;
    private readonly long _sep;

    public TextChunks(BertTokenizer tokenizer, int windowTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowTokens, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowTokens, 512);
        _tokenizer = tokenizer;
        _windowTokens = windowTokens;

        // The vocabulary's own [CLS] and [SEP]: what the tokenizer puts around an empty text.
        var ids = new long[2];
        _ = _tokenizer.Encode(string.Empty, ids, new long[2], null);
        (_cls, _sep) = (ids[0], ids[1]);
    }

    public List<long[]> Split(string text, int segmentLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = new List<long[]>();
        foreach (var segment in TextSegments.Split(text, segmentLength))
        {
            var tokens = Tokenize(segment);
            AddWindows(tokens, chunks);
            if (chunks.Count >= MaxChunks)
            {
                chunks.RemoveRange(MaxChunks, chunks.Count - MaxChunks);
                break;
            }
        }

        return chunks;
    }

    // The ids between [CLS] and [SEP], however many.
    private long[] Tokenize(string segment)
    {
        var capacity = segment.Length + 2;
        var ids = new long[capacity];
        var mask = new long[capacity];
        int written;
        lock (_tokenizerLock)
        {
            written = _tokenizer.Encode(segment, ids, mask, null);
        }

        return written <= 2 ? [] : ids[1..(written - 1)];
    }

    private void AddWindows(long[] content, List<long[]> chunks)
    {
        if (content.Length == 0)
        {
            return;
        }

        var width = _windowTokens - 2;
        var stride = width - (width / 4);
        for (var start = 0; ; start += stride)
        {
            var length = Math.Min(width, content.Length - start);
            var window = new long[length + 2];
            window[0] = _cls;
            content.AsSpan(start, length).CopyTo(window.AsSpan(1));
            window[^1] = _sep;
            chunks.Add(window);
            if (start + length >= content.Length || chunks.Count >= MaxChunks)
            {
                return;
            }
        }
    }
}
