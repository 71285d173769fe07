namespace Caduceus.Gateway.Limits;

/// <summary>A count over a window that starts with the first addition after the previous window ended. Not thread-safe.</summary>
internal sealed class UsageWindowCounter(TimeSpan window)
{
    private long _count;
    private DateTimeOffset _ends = DateTimeOffset.MinValue;

    public long Current(DateTimeOffset now) => now >= _ends ? 0 : _count;

    /// <summary>How long until the count starts again; a whole window when none is open.</summary>
    public TimeSpan Remaining(DateTimeOffset now) => now >= _ends ? window : _ends - now;

    public bool HasEnded(DateTimeOffset now) => now >= _ends;

    public void Add(DateTimeOffset now, long amount)
    {
        if (now >= _ends)
        {
            _count = 0;
            _ends = now + window;
        }

        _count = Math.Max(0, _count + amount);
    }
}
