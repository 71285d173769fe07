namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>Console sessions, found by their token's hash: in the gateway's SQLite database or the shared PostgreSQL one.</summary>
internal interface IConsoleSessionStore
{
    Task AddAsync(ConsoleSession session, CancellationToken cancellationToken);

    Task<ConsoleSession?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>Moves the last use forward to <paramref name="now"/> (never back).</summary>
    Task TouchAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkSteppedUpAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every session unused since <paramref name="idleBefore"/> or opened before <paramref name="createdBefore"/>
    /// (they can no longer be used anyway) and returns how many went.
    /// </summary>
    Task<int> PurgeEndedAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken);

    Task RemoveAsync(byte[] tokenHash, CancellationToken cancellationToken);
}
