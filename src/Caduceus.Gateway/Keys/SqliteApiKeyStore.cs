using System.Globalization;
using System.Security.Cryptography;
using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Keys;

/// <summary>
/// Client keys in the embedded SQLite database, table <c>api_keys</c>. Times are stored as round-trip UTC text; all
/// decisions about them are made in code (<see cref="ApiKeyRecord.StatusAt"/>), not in SQL.
/// </summary>
public sealed class SqliteApiKeyStore(GatewayDatabase database, TimeProvider timeProvider) : IApiKeyStore, IApiKeyLookup
{
    private const string Columns = ApiKeySecrets.RecordColumns;

    public async Task<IssuedApiKey> CreateAsync(NewApiKey key, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecrets.Generate();
        var record = await InsertAsync(secret, key, cancellationToken);
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
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns}, key_hash, previous_key_hash FROM api_keys WHERE key_hash = $hash OR previous_key_hash = $hash";
        command.Parameters.AddWithValue("$hash", presentedHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var record = Read(reader);
        if (CryptographicOperations.FixedTimeEquals((byte[])reader.GetValue(10), presentedHash))
        {
            return new ApiKeyMatch(record, IsPreviousSecret: false);
        }

        return !reader.IsDBNull(11) && CryptographicOperations.FixedTimeEquals((byte[])reader.GetValue(11), presentedHash)
            ? new ApiKeyMatch(record, IsPreviousSecret: true)
            : null;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM api_keys)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await SelectAsync(connection, null, $"SELECT {Columns} FROM api_keys ORDER BY created_at, rowid", cancellationToken);
    }

    public async Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    public async Task<IssuedApiKey?> RotateAsync(string id, TimeSpan grace, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);

        // IMMEDIATE: the status check and the update cannot interleave with a revocation.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var current = await GetAsync(connection, transaction, id, cancellationToken);
        if (current is null || current.StatusAt(now) != ApiKeyStatus.Active)
        {
            return null;
        }

        // Only the secret being replaced gets a grace period; one replaced earlier is forgotten now.
        var secret = ApiKeySecrets.Generate();
        await using (var command = Command(connection, transaction, """
            UPDATE api_keys SET previous_key_hash = key_hash, previous_valid_until = $until, key_hash = $hash WHERE id = $id
            """))
        {
            command.Parameters.AddWithValue("$until", Text(now + grace));
            command.Parameters.AddWithValue("$hash", ApiKeySecrets.Hash(secret));
            command.Parameters.AddWithValue("$id", id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new IssuedApiKey(current with { PreviousSecretValidUntil = now + grace }, secret);
    }

    public async Task<ApiKeyRecord?> RevokeAsync(string id, ApiKeyRevocationReason reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await RevokeAsync(connection, transaction, id, reason, timeProvider.GetUtcNow(), cancellationToken);
        var record = await GetAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> DisableUnusedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);

        // IMMEDIATE: a use recorded meanwhile waits, so a key is never disabled on a stale view of its last use.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var all = await SelectAsync(connection, transaction, $"SELECT {Columns} FROM api_keys ORDER BY created_at, rowid", cancellationToken);
        var disabled = new List<ApiKeyRecord>();
        foreach (var record in all.Where(r => r.IsUnusedSince(cutoff, now)))
        {
            await RevokeAsync(connection, transaction, record.Id, ApiKeyRevocationReason.Unused, now, cancellationToken);
            disabled.Add(record with { RevokedAt = now, RevokedReason = ApiKeyRevocationReason.Unused });
        }

        await transaction.CommitAsync(cancellationToken);
        return disabled;
    }

    public async Task RecordUseAsync(string id, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "UPDATE api_keys SET last_used_at = $at WHERE id = $id");
        command.Parameters.AddWithValue("$at", Text(usedAt));
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<ApiKeyRecord> InsertAsync(string secret, NewApiKey key, CancellationToken cancellationToken)
    {
        var record = NewApiKeyRecord.Create(key, timeProvider.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            INSERT INTO api_keys (id, key_hash, application, created_at, roles, label, expires_at)
            VALUES ($id, $hash, $app, $created, $roles, $label, $expires)
            """);
        command.Parameters.AddWithValue("$id", record.Id);
        command.Parameters.AddWithValue("$hash", ApiKeySecrets.Hash(secret));
        command.Parameters.AddWithValue("$app", record.Application);
        command.Parameters.AddWithValue("$created", Text(record.CreatedAt));
        command.Parameters.AddWithValue("$roles", string.Join(',', record.Roles));
        command.Parameters.AddWithValue("$label", (object?)record.Label ?? DBNull.Value);
        command.Parameters.AddWithValue("$expires", record.ExpiresAt is { } expires ? Text(expires) : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return record;
    }

    private static async Task RevokeAsync(SqliteConnection connection, SqliteTransaction transaction, string id, ApiKeyRevocationReason reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            UPDATE api_keys SET revoked_at = $now, revoked_reason = $reason, previous_key_hash = NULL, previous_valid_until = NULL
            WHERE id = $id AND revoked_at IS NULL
            """);
        command.Parameters.AddWithValue("$now", Text(now));
        command.Parameters.AddWithValue("$reason", ApiKeyRevocationReasonText.Format(reason));
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ApiKeyRecord?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var found = await SelectAsync(connection, transaction, $"SELECT {Columns} FROM api_keys WHERE id = $id", cancellationToken, ("$id", id));
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<IReadOnlyList<ApiKeyRecord>> SelectAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var records = new List<ApiKeyRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Reads the columns of <see cref="Columns"/>, in that order.</summary>
    private static ApiKeyRecord Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Application = reader.GetString(1),
        Roles = reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries),
        Label = reader.IsDBNull(3) ? null : reader.GetString(3),
        CreatedAt = ParseTime(reader.GetString(4)),
        ExpiresAt = OptionalTime(reader, 5),
        RevokedAt = OptionalTime(reader, 6),
        RevokedReason = reader.IsDBNull(7) ? null : ApiKeyRevocationReasonText.Parse(reader.GetString(7)),
        LastUsedAt = OptionalTime(reader, 8),
        PreviousSecretValidUntil = OptionalTime(reader, 9),
    };

    private static DateTimeOffset? OptionalTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
