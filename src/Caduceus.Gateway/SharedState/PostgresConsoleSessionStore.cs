using Caduceus.Gateway.WebConsole.Sessions;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Console sessions in the shared PostgreSQL database, the same contract as <see cref="SqliteConsoleSessionStore"/>:
/// a session opened through one instance works through every other, and signing out through any ends it on all at once.
/// </summary>
internal sealed class PostgresConsoleSessionStore(PostgresStateDatabase database) : IConsoleSessionStore
{
    public Task AddAsync(ConsoleSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return database.ExecuteAsync(
            """
            INSERT INTO console_sessions (token_hash, account_id, created_at, last_seen_at, stepped_up_at)
            VALUES (@hash, @account, @created, @seen, NULL)
            """,
            cancellationToken,
            ("hash", session.TokenHash),
            ("account", session.AccountId),
            ("created", session.CreatedAt.ToUnixTimeMilliseconds()),
            ("seen", session.LastSeenAt.ToUnixTimeMilliseconds()));
    }

    public async Task<ConsoleSession?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT account_id, created_at, last_seen_at, stepped_up_at FROM console_sessions WHERE token_hash = @hash", connection);
        command.Parameters.AddWithValue("hash", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ConsoleSession(
            tokenHash,
            reader.GetString(0),
            Time(reader.GetInt64(1)),
            Time(reader.GetInt64(2)),
            reader.IsDBNull(3) ? null : Time(reader.GetInt64(3)));
    }

    public Task TouchAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE console_sessions SET last_seen_at = GREATEST(last_seen_at, @now) WHERE token_hash = @hash",
            cancellationToken,
            ("hash", tokenHash),
            ("now", now.ToUnixTimeMilliseconds()));

    public Task MarkSteppedUpAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE console_sessions SET stepped_up_at = @now, last_seen_at = GREATEST(last_seen_at, @now) WHERE token_hash = @hash",
            cancellationToken,
            ("hash", tokenHash),
            ("now", now.ToUnixTimeMilliseconds()));

    public Task<int> PurgeEndedAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "DELETE FROM console_sessions WHERE last_seen_at < @idle OR created_at < @created",
            cancellationToken,
            ("idle", idleBefore.ToUnixTimeMilliseconds()),
            ("created", createdBefore.ToUnixTimeMilliseconds()));

    public Task RemoveAsync(byte[] tokenHash, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM console_sessions WHERE token_hash = @hash", cancellationToken, ("hash", tokenHash));

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}
