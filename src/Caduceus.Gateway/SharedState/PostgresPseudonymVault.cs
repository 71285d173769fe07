using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.Vault;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// The pseudonym vault in the shared PostgreSQL database, the same rows and checks as <see cref="SqlitePseudonymVault"/>
/// (only HMACs and AES-GCM sealed values, a sealed marker row that proves the key), so a conversation pseudonymized
/// through one instance is restored through any other.
/// </summary>
internal sealed class PostgresPseudonymVault(PostgresStateDatabase database, PseudonymCipher cipher, TimeProvider timeProvider, IOptions<VaultOptions> options) : IPseudonymVault, IDisposable
{
    private readonly VaultKeyCheck _keyCheck = new(
        cipher,
        "The vault's data keys do not match the ones this shared vault was created with; pseudonyms cannot be stored or restored until the original keyring is back.");

    public async ValueTask<AnonymizationScope> OpenScopeAsync(string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopeId);
        await EnsureKeyCheckedAsync(cancellationToken).ConfigureAwait(false);
        var scopeKey = cipher.ScopeKey(scopeId);
        var entries = new List<PseudonymEntry>();
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = new NpgsqlCommand("SELECT token, entity_type, value FROM pseudonyms WHERE scope = @scope AND expires_at > @now", connection))
        {
            command.Parameters.AddWithValue("scope", scopeKey);
            command.Parameters.AddWithValue("now", Now());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var token = reader.GetString(0);
                var entityType = reader.GetString(1);
                entries.Add(new PseudonymEntry(token, entityType, cipher.Decrypt(scopeKey, token, entityType, reader.GetFieldValue<byte[]>(2))));
            }
        }

        try
        {
            return new AnonymizationScope(scopeId, new PseudonymTable(entries));
        }
        catch (ArgumentException exception)
        {
            throw new PseudonymVaultException("The stored pseudonyms of a conversation contradict each other.", exception);
        }
    }

    public async ValueTask<bool> TryCommitAsync(AnonymizationScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureKeyCheckedAsync(cancellationToken).ConfigureAwait(false);
        var scopeKey = cipher.ScopeKey(scope.Id);
        var now = Now();
        var expiresAt = now + (long)options.Value.TimeToLive.TotalMilliseconds;

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // One scope's commits queue on this lock (across instances), so their checks cannot interleave.
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(encode(@scope, 'hex'), 0))", cancellationToken, ("scope", scopeKey)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM pseudonyms WHERE scope = @scope AND expires_at <= @now", cancellationToken, ("scope", scopeKey), ("now", now)).ConfigureAwait(false);
        foreach (var entry in scope.Pseudonyms.Issued)
        {
            var lookup = cipher.LookupKey(scopeKey, entry.EntityType, entry.Value);
            var inserted = await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO pseudonyms (scope, token, entity_type, lookup, value, expires_at)
                VALUES (@scope, @token, @type, @lookup, @value, @expires)
                ON CONFLICT DO NOTHING
                """,
                cancellationToken,
                ("scope", scopeKey),
                ("token", entry.Token),
                ("type", entry.EntityType),
                ("lookup", lookup),
                ("value", cipher.Encrypt(scopeKey, entry.Token, entry.EntityType, entry.Value)),
                ("expires", expiresAt)).ConfigureAwait(false);
            if (inserted == 0 && !await IsStoredAsync(connection, transaction, scopeKey, entry.Token, lookup, cancellationToken).ConfigureAwait(false))
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await ExecuteAsync(connection, transaction, "UPDATE pseudonyms SET expires_at = @expires WHERE scope = @scope", cancellationToken, ("scope", scopeKey), ("expires", expiresAt)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async ValueTask<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await EnsureKeyCheckedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, null, "DELETE FROM pseudonyms WHERE expires_at <= @now", cancellationToken, ("now", Now())).ConfigureAwait(false);
    }

    public void Dispose() => _keyCheck.Dispose();

    private static async Task<bool> IsStoredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, byte[] scopeKey, string token, byte[] lookup, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pseudonyms WHERE scope = @scope AND token = @token AND lookup = @lookup)", connection, transaction);
        command.Parameters.AddWithValue("scope", scopeKey);
        command.Parameters.AddWithValue("token", token);
        command.Parameters.AddWithValue("lookup", lookup);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private ValueTask EnsureKeyCheckedAsync(CancellationToken cancellationToken) => _keyCheck.EnsureAsync(StoreMarkerIfAbsentThenReadAsync, cancellationToken);

    private async Task<byte[]> StoreMarkerIfAbsentThenReadAsync(VaultKeyMarker marker, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            null,
            "INSERT INTO pseudonyms (scope, token, entity_type, lookup, value, expires_at) VALUES (@scope, @token, @type, @scope, @value, @never) ON CONFLICT DO NOTHING",
            cancellationToken,
            ("scope", marker.Scope),
            ("token", marker.Token),
            ("type", marker.EntityType),
            ("value", marker.SealedValue),
            ("never", long.MaxValue)).ConfigureAwait(false);

        await using var command = new NpgsqlCommand("SELECT value FROM pseudonyms WHERE scope = @scope AND token = @token", connection);
        command.Parameters.AddWithValue("scope", marker.Scope);
        command.Parameters.AddWithValue("token", marker.Token);
        return (byte[])(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
