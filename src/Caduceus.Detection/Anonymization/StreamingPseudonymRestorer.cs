namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Restores pseudonym tokens in an answer that arrives in chunks, one instance per streamed answer (per choice).
/// A token split across chunks (<c>"&lt;NA"</c> then <c>"ME_1&gt; is"</c>) is never released half-way: text from an
/// unmatched <c>&lt;</c> is held back while it can still become a token, and released the moment it closes or
/// cannot be one (a character no token has, or longer than any token). Everything before it is released at once.
/// Not thread-safe: chunks of one answer arrive in order.
/// </summary>
public sealed class StreamingPseudonymRestorer
{
    private readonly PseudonymTable _pseudonyms;
    private readonly bool _restoreInsideUrls;
    private string _held = string.Empty;
    private UrlRun _run;

    /// <param name="pseudonyms">The scope's pseudonyms.</param>
    /// <param name="restoreInsideUrls">Also restore tokens inside URLs (see <see cref="PseudonymRestorer"/> for why not to).</param>
    public StreamingPseudonymRestorer(PseudonymTable pseudonyms, bool restoreInsideUrls = false)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        _pseudonyms = pseudonyms;
        _restoreInsideUrls = restoreInsideUrls;
    }

    /// <summary>Tokens restored so far.</summary>
    public int Restored { get; private set; }

    /// <summary>Characters currently held back (at most the length of the longest token).</summary>
    public int HeldLength => _held.Length;

    /// <summary>Adds a chunk; returns the restored text that may be sent now (possibly empty).</summary>
    public string Push(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.Length == 0)
        {
            return string.Empty;
        }

        var pending = _held.Length == 0 ? chunk : _held + chunk;
        var hold = HoldFrom(pending);
        _held = pending[hold..];
        return Release(hold == pending.Length ? pending : pending[..hold]);
    }

    /// <summary>The answer is complete: returns whatever is still held, restored.</summary>
    public string Flush()
    {
        var rest = _held;
        _held = string.Empty;
        return Release(rest);
    }

    private string Release(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var restored = PseudonymRestorer.Restore(text, _pseudonyms, _restoreInsideUrls, ref _run, out var count);
        Restored += count;
        return restored;
    }

    /// <summary>
    /// Where the held part starts: at the last <c>&lt;</c> when what follows it may still grow into a token, else at
    /// the end. Only the last one matters: a token holds no <c>&lt;</c>, so an earlier one is closed or dead.
    /// </summary>
    private static int HoldFrom(string pending)
    {
        var open = pending.LastIndexOf('<');
        return open >= 0 && PseudonymToken.IsOpenPrefix(pending.AsSpan(open)) ? open : pending.Length;
    }
}
