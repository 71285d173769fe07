namespace Caduceus.Gateway.ThreatIntel;

/// <summary>Who pulls a feed this round: of the instances sharing the feed's state, only the one holding its lock.</summary>
internal interface IThreatFeedPollLock
{
    /// <summary>The lock on <paramref name="feed"/>, held until disposed; null when another instance holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string feed, CancellationToken cancellationToken);
}
