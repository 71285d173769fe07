using Caduceus.Gateway.Storage;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>Admin sessions in the gateway's SQLite database, table <c>admin_sessions</c>; tokens only as hashes.</summary>
internal sealed class SqliteAdminSessionStore(GatewayDatabase database) : IAdminSessionStore
{
    public async Task AddAsync(AdminSession session, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO admin_sessions (token_hash, key_id, created_at, last_seen_at, verified_at)
            VALUES ($hash, $key, $created, $seen, $verified)
            """;
        command.Parameters.AddWithValue("$hash", session.TokenHash);
        command.Parameters.AddWithValue("$key", session.KeyId);
        command.Parameters.AddWithValue("$created", session.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$seen", session.LastSeenAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$verified", session.VerifiedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AdminSession?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_id, created_at, last_seen_at, verified_at FROM admin_sessions WHERE token_hash = $hash";
        command.Parameters.AddWithValue("$hash", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new AdminSession(tokenHash, reader.GetString(0), Time(reader.GetInt64(1)), Time(reader.GetInt64(2)), Time(reader.GetInt64(3)));
    }

    public Task TouchAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE admin_sessions SET last_seen_at = MAX(last_seen_at, $now) WHERE token_hash = $hash", tokenHash, now, cancellationToken);

    public Task MarkVerifiedAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync(
            "UPDATE admin_sessions SET verified_at = MAX(verified_at, $now), last_seen_at = MAX(last_seen_at, $now) WHERE token_hash = $hash",
            tokenHash,
            now,
            cancellationToken);

    public async Task RemoveAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM admin_sessions WHERE token_hash = $hash";
        command.Parameters.AddWithValue("$hash", tokenHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task PurgeAsync(DateTimeOffset openedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM admin_sessions WHERE created_at < $before";
        command.Parameters.AddWithValue("$before", openedBefore.ToUnixTimeMilliseconds());
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
