namespace Caduceus.Gateway.Forwarding;

/// <summary>
/// Cancels the upstream call when the client goes away or an upstream timeout runs out, and remembers which of
/// the two it was: a client that left needs no answer, a stalled model gets a 504.
/// </summary>
internal sealed class UpstreamDeadline : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public UpstreamDeadline(TimeProvider timeProvider, CancellationToken clientAborted)
    {
        _timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(clientAborted, _timeout.Token);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>True when the cancellation came from a timeout rather than from the client.</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    /// <summary>(Re)starts the timer: the upstream must make progress within <paramref name="timeout"/>.</summary>
    public void Arm(TimeSpan timeout) => _timeout.CancelAfter(timeout);

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
