using Caduceus.Gateway.Storage;

namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>Console sessions in the gateway's SQLite database, table <c>console_sessions</c>; tokens only as SHA-256 hashes.</summary>
internal sealed class SqliteConsoleSessionStore(GatewayDatabase database) : IConsoleSessionStore
{
    public async Task AddAsync(ConsoleSession session, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO console_sessions (token_hash, account_id, created_at, last_seen_at, stepped_up_at)
            VALUES ($hash, $account, $created, $seen, NULL)
            """;
        command.Parameters.AddWithValue("$hash", session.TokenHash);
        command.Parameters.AddWithValue("$account", session.AccountId);
        command.Parameters.AddWithValue("$created", session.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$seen", session.LastSeenAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ConsoleSession?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT account_id, created_at, last_seen_at, stepped_up_at FROM console_sessions WHERE token_hash = $hash";
        command.Parameters.AddWithValue("$hash", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
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
        UpdateAsync("UPDATE console_sessions SET last_seen_at = MAX(last_seen_at, $now) WHERE token_hash = $hash", tokenHash, now, cancellationToken);

    public Task MarkSteppedUpAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE console_sessions SET stepped_up_at = $now, last_seen_at = MAX(last_seen_at, $now) WHERE token_hash = $hash", tokenHash, now, cancellationToken);

    /// <summary>
    /// Deletes every session unused since <paramref name="idleBefore"/> or opened before <paramref name="createdBefore"/>
    /// (they can no longer be used anyway) and returns how many went.
    /// </summary>
    public async Task<int> PurgeEndedAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM console_sessions WHERE last_seen_at < $idle OR created_at < $created";
        command.Parameters.AddWithValue("$idle", idleBefore.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$created", createdBefore.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM console_sessions WHERE token_hash = $hash";
        command.Parameters.AddWithValue("$hash", tokenHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task UpdateAsync(string sql, byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$hash", tokenHash);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}
