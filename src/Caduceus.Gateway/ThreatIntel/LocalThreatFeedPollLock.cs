namespace Caduceus.Gateway.ThreatIntel;

/// <summary>A gateway on its own SQLite database is the only one pulling its feeds, and each feed has a single poll loop.</summary>
internal sealed class LocalThreatFeedPollLock : IThreatFeedPollLock
{
    public Task<IAsyncDisposable?> TryAcquireAsync(string feed, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(NoLock.Instance);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
