namespace Caduceus.LoadTest.Receivers;

/// <summary>
/// What one receiver has been sent so far: events (or requests, where the wire format does not say how many events a
/// request holds), bytes, and how many payloads held a text that must never reach a SIEM (the sample SSN).
/// </summary>
internal sealed class ReceivedTally(string name)
{
    private long _events;
    private long _requests;
    private long _bytes;
    private long _forbidden;

    public string Name { get; } = name;

    public long Events => Interlocked.Read(ref _events);

    public long Requests => Interlocked.Read(ref _requests);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long PayloadsWithForbiddenText => Interlocked.Read(ref _forbidden);

    public void Add(long events, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> forbidden)
    {
        Interlocked.Add(ref _events, events);
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytes, payload.Length);
        if (!forbidden.IsEmpty && payload.IndexOf(forbidden) >= 0)
        {
            Interlocked.Increment(ref _forbidden);
        }
    }
}
