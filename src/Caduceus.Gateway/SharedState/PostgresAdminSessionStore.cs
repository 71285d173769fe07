using Caduceus.Gateway.AdminMfa;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Admin MFA sessions in the shared PostgreSQL database, the same contract as <see cref="SqliteAdminSessionStore"/>:
/// opened through one instance, usable and revocable through any.
/// </summary>
internal sealed class PostgresAdminSessionStore(PostgresStateDatabase database) : IAdminSessionStore
{
    public Task AddAsync(AdminSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return database.ExecuteAsync(
            """
            INSERT INTO admin_sessions (token_hash, key_id, created_at, last_seen_at, verified_at)
            VALUES (@hash, @key, @created, @seen, @verified)
            """,
            cancellationToken,
            ("hash", session.TokenHash),
            ("key", session.KeyId),
            ("created", session.CreatedAt.ToUnixTimeMilliseconds()),
            ("seen", session.LastSeenAt.ToUnixTimeMilliseconds()),
            ("verified", session.VerifiedAt.ToUnixTimeMilliseconds()));
    }

    public async Task<AdminSession?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT key_id, created_at, last_seen_at, verified_at FROM admin_sessions WHERE token_hash = @hash", connection);
        command.Parameters.AddWithValue("hash", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AdminSession(tokenHash, reader.GetString(0), Time(reader.GetInt64(1)), Time(reader.GetInt64(2)), Time(reader.GetInt64(3)))
            : null;
    }

    public Task TouchAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE admin_sessions SET last_seen_at = GREATEST(last_seen_at, @now) WHERE token_hash = @hash",
            cancellationToken,
            ("hash", tokenHash),
            ("now", now.ToUnixTimeMilliseconds()));

    public Task MarkVerifiedAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE admin_sessions SET verified_at = GREATEST(verified_at, @now), last_seen_at = GREATEST(last_seen_at, @now) WHERE token_hash = @hash",
            cancellationToken,
            ("hash", tokenHash),
            ("now", now.ToUnixTimeMilliseconds()));

    public Task RemoveAsync(byte[] tokenHash, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM admin_sessions WHERE token_hash = @hash", cancellationToken, ("hash", tokenHash));

    public Task PurgeAsync(DateTimeOffset openedBefore, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM admin_sessions WHERE created_at < @before", cancellationToken, ("before", openedBefore.ToUnixTimeMilliseconds()));

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}
