namespace Caduceus.Gateway.Streaming;

/// <summary>
/// Decides when the text that arrived since the last inspection is due for inspection: once it reaches
/// <c>characters</c>, or once its oldest character has waited <c>delay</c>.
/// </summary>
internal sealed class StreamInspectionBatch(int characters, TimeSpan delay, TimeProvider timeProvider)
{
    private int _pending;
    private long _oldestArrival;

    /// <summary>Inspects every delta as it arrives.</summary>
    public static StreamInspectionBatch EveryDelta() => new(0, TimeSpan.Zero, TimeProvider.System);

    public static StreamInspectionBatch From(StreamInspectionOptions options, TimeProvider timeProvider) =>
        new(options.BatchCharacters, options.BatchDelay, timeProvider);

    public bool IsDue => _pending > 0 && (_pending >= characters || timeProvider.GetElapsedTime(_oldestArrival) >= delay);

    /// <summary>How long until the pending text is due by time alone; null when nothing is pending.</summary>
    public TimeSpan? TimeUntilDue
    {
        get
        {
            if (_pending == 0)
            {
                return null;
            }

            var remaining = delay - timeProvider.GetElapsedTime(_oldestArrival);
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    /// <summary>Counts newly arrived text; true when the batch is now due.</summary>
    public bool Add(int length)
    {
        if (length == 0)
        {
            return IsDue;
        }

        if (_pending == 0)
        {
            _oldestArrival = timeProvider.GetTimestamp();
        }

        _pending += length;
        return IsDue;
    }

    /// <summary>The pending text has been inspected (what is still held back waits for more text, not for time).</summary>
    public void Clear() => _pending = 0;
}
