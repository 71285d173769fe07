using System.Security.Cryptography;
using Caduceus.Gateway.Keys;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Client keys in the shared PostgreSQL database, the same contract as <see cref="SqliteApiKeyStore"/>: every
/// instance sees a revocation on its next lookup (each instance trusts a lookup for one second, see
/// <see cref="CachingApiKeyLookup"/>). Status checks and updates that depend on them lock the row (<c>FOR UPDATE</c>).
/// </summary>
public sealed class PostgresApiKeyStore(PostgresStateDatabase database, TimeProvider timeProvider) : IApiKeyStore, IApiKeyLookup
{
    private const string Columns = ApiKeySecrets.RecordColumns;

    public async Task<IssuedApiKey> CreateAsync(NewApiKey key, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecrets.Generate();
        var record = await InsertAsync(secret, key, cancellationToken).ConfigureAwait(false);
        return new IssuedApiKey(record, secret);
    }

    public Task<ApiKeyRecord> ImportAsync(string secret, NewApiKey key, CancellationToken cancellationToken)
    {
        ApiKeySecrets.EnsureImportable(secret);
        return InsertAsync(secret, key, cancellationToken);
    }

    public async Task<ApiKeyMatch?> FindAsync(string presentedSecret, CancellationToken cancellationToken)
    {
        var presentedHash = ApiKeySecrets.Hash(presentedSecret);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {Columns}, key_hash, previous_key_hash FROM api_keys WHERE key_hash = @hash OR previous_key_hash = @hash");
        command.Parameters.AddWithValue("hash", presentedHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var record = Read(reader);
        if (CryptographicOperations.FixedTimeEquals(reader.GetFieldValue<byte[]>(10), presentedHash))
        {
            return new ApiKeyMatch(record, IsPreviousSecret: false);
        }

        return !reader.IsDBNull(11) && CryptographicOperations.FixedTimeEquals(reader.GetFieldValue<byte[]>(11), presentedHash)
            ? new ApiKeyMatch(record, IsPreviousSecret: true)
            : null;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT EXISTS (SELECT 1 FROM api_keys)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SelectAsync(connection, null, $"SELECT {Columns} FROM api_keys ORDER BY created_at, seq", null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, null, id, forUpdate: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IssuedApiKey?> RotateAsync(string id, TimeSpan grace, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await GetAsync(connection, transaction, id, forUpdate: true, cancellationToken).ConfigureAwait(false);
        if (current is null || current.StatusAt(now) != ApiKeyStatus.Active)
        {
            return null;
        }

        // Only the secret being replaced gets a grace period; one replaced earlier is forgotten now.
        var secret = ApiKeySecrets.Generate();
        await using (var command = Command(connection, transaction, """
            UPDATE api_keys SET previous_key_hash = key_hash, previous_valid_until = @until, key_hash = @hash WHERE id = @id
            """))
        {
            command.Parameters.AddWithValue("until", (now + grace).ToUniversalTime());
            command.Parameters.AddWithValue("hash", ApiKeySecrets.Hash(secret));
            command.Parameters.AddWithValue("id", id);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new IssuedApiKey(current with { PreviousSecretValidUntil = now + grace }, secret);
    }

    public async Task<ApiKeyRecord?> RevokeAsync(string id, ApiKeyRevocationReason reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await RevokeAsync(connection, transaction, id, reason, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var record = await GetAsync(connection, transaction, id, forUpdate: false, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return record;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> DisableUnusedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // The rows stay locked until commit, so a use recorded meanwhile waits: no key is disabled on a stale last use.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var all = await SelectAsync(connection, transaction, $"SELECT {Columns} FROM api_keys ORDER BY created_at, seq FOR UPDATE", null, cancellationToken).ConfigureAwait(false);
        var disabled = new List<ApiKeyRecord>();
        foreach (var record in all.Where(r => r.IsUnusedSince(cutoff, now)))
        {
            await RevokeAsync(connection, transaction, record.Id, ApiKeyRevocationReason.Unused, now, cancellationToken).ConfigureAwait(false);
            disabled.Add(record with { RevokedAt = now, RevokedReason = ApiKeyRevocationReason.Unused });
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return disabled;
    }

    public async Task RecordUseAsync(string id, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "UPDATE api_keys SET last_used_at = @at WHERE id = @id");
        command.Parameters.AddWithValue("at", usedAt.ToUniversalTime());
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<ApiKeyRecord> InsertAsync(string secret, NewApiKey key, CancellationToken cancellationToken)
    {
        var record = NewApiKeyRecord.Create(key, timeProvider.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            INSERT INTO api_keys (id, key_hash, application, created_at, roles, label, expires_at)
            VALUES (@id, @hash, @app, @created, @roles, @label, @expires)
            """);
        command.Parameters.AddWithValue("id", record.Id);
        command.Parameters.AddWithValue("hash", ApiKeySecrets.Hash(secret));
        command.Parameters.AddWithValue("app", record.Application);
        command.Parameters.AddWithValue("created", record.CreatedAt.ToUniversalTime());
        command.Parameters.AddWithValue("roles", string.Join(',', record.Roles));
        command.Parameters.AddWithValue("label", (object?)record.Label ?? DBNull.Value);
        command.Parameters.AddWithValue("expires", record.ExpiresAt is { } expires ? expires.ToUniversalTime() : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return record;
    }

    private static async Task RevokeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string id, ApiKeyRevocationReason reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            UPDATE api_keys SET revoked_at = @now, revoked_reason = @reason, previous_key_hash = NULL, previous_valid_until = NULL
            WHERE id = @id AND revoked_at IS NULL
            """);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("reason", ApiKeyRevocationReasonText.Format(reason));
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ApiKeyRecord?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string id, bool forUpdate, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {Columns} FROM api_keys WHERE id = @id" + (forUpdate ? " FOR UPDATE" : string.Empty);
        var found = await SelectAsync(connection, transaction, sql, id, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<IReadOnlyList<ApiKeyRecord>> SelectAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string? id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        if (id is not null)
        {
            command.Parameters.AddWithValue("id", id);
        }

        var records = new List<ApiKeyRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) => new(sql, connection, transaction);

    /// <summary>Reads the columns of <see cref="Columns"/>, in that order.</summary>
    private static ApiKeyRecord Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Application = reader.GetString(1),
        Roles = reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries),
        Label = reader.IsDBNull(3) ? null : reader.GetString(3),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(4),
        ExpiresAt = OptionalTime(reader, 5),
        RevokedAt = OptionalTime(reader, 6),
        RevokedReason = reader.IsDBNull(7) ? null : ApiKeyRevocationReasonText.Parse(reader.GetString(7)),
        LastUsedAt = OptionalTime(reader, 8),
        PreviousSecretValidUntil = OptionalTime(reader, 9),
    };

    private static DateTimeOffset? OptionalTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
