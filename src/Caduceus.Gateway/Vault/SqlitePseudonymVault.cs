using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Vault;

/// <summary>
/// Pseudonyms in the gateway's SQLite database, table <c>pseudonyms</c>: per row the scope's HMAC, the token, the
/// type, the value's lookup HMAC, the AES-GCM sealed value and the expiry. No value or conversation id is stored in
/// plaintext. The first use checks the key against a sealed marker row, so a wrong key fails at once with a clear
/// message instead of silently starting an empty vault beside the old one.
/// </summary>
internal sealed class SqlitePseudonymVault(GatewayDatabase database, PseudonymCipher cipher, TimeProvider timeProvider, IOptions<VaultOptions> options) : IPseudonymVault, IDisposable
{
    private readonly VaultKeyCheck _keyCheck = new(
        cipher,
        "The vault key does not match the key this vault was created with. Configure the original key (Vault:Key or Vault:KeyFile); pseudonyms cannot be stored or restored until then.");

    public async ValueTask<AnonymizationScope> OpenScopeAsync(string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopeId);
        await EnsureKeyCheckedAsync(cancellationToken);
        var scopeKey = cipher.ScopeKey(scopeId);
        var entries = new List<PseudonymEntry>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT token, entity_type, value FROM pseudonyms WHERE scope = $scope AND expires_at > $now";
            command.Parameters.AddWithValue("$scope", scopeKey);
            command.Parameters.AddWithValue("$now", Now());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var token = reader.GetString(0);
                var entityType = reader.GetString(1);
                var value = cipher.Decrypt(scopeKey, token, entityType, (byte[])reader.GetValue(2));
                entries.Add(new PseudonymEntry(token, entityType, value));
            }
        }

        try
        {
            return new AnonymizationScope(scopeId, new PseudonymTable(entries));
        }
        catch (ArgumentException exception)
        {
            // The table's message names tokens only; the vault's own message is enough for an operator.
            throw new PseudonymVaultException("The stored pseudonyms of a conversation contradict each other.", exception);
        }
    }

    public async ValueTask<bool> TryCommitAsync(AnonymizationScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureKeyCheckedAsync(cancellationToken);
        var scopeKey = cipher.ScopeKey(scope.Id);
        var now = Now();
        var expiresAt = now + (long)options.Value.TimeToLive.TotalMilliseconds;

        await using var connection = await database.OpenAsync(cancellationToken);

        // IMMEDIATE: take the write lock first, so two commits of one scope cannot interleave their checks.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, "DELETE FROM pseudonyms WHERE scope = $scope AND expires_at <= $now", cancellationToken, ("$scope", scopeKey), ("$now", now));
        foreach (var entry in scope.Pseudonyms.Issued)
        {
            var lookup = cipher.LookupKey(scopeKey, entry.EntityType, entry.Value);
            var inserted = await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO pseudonyms (scope, token, entity_type, lookup, value, expires_at)
                VALUES ($scope, $token, $type, $lookup, $value, $expires)
                ON CONFLICT DO NOTHING
                """,
                cancellationToken,
                ("$scope", scopeKey),
                ("$token", entry.Token),
                ("$type", entry.EntityType),
                ("$lookup", lookup),
                ("$value", cipher.Encrypt(scopeKey, entry.Token, entry.EntityType, entry.Value)),
                ("$expires", expiresAt));
            if (inserted == 0 && !await IsStoredAsync(connection, transaction, scopeKey, entry.Token, lookup, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        await ExecuteAsync(connection, transaction, "UPDATE pseudonyms SET expires_at = $expires WHERE scope = $scope", cancellationToken, ("$scope", scopeKey), ("$expires", expiresAt));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async ValueTask<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await EnsureKeyCheckedAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "DELETE FROM pseudonyms WHERE expires_at <= $now", cancellationToken, ("$now", Now()));
    }

    /// <summary>True when this very mapping (token and value) is already stored: committing it again is no conflict.</summary>
    private static async Task<bool> IsStoredAsync(SqliteConnection connection, SqliteTransaction transaction, byte[] scopeKey, string token, byte[] lookup, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM pseudonyms WHERE scope = $scope AND token = $token AND lookup = $lookup)";
        command.Parameters.AddWithValue("$scope", scopeKey);
        command.Parameters.AddWithValue("$token", token);
        command.Parameters.AddWithValue("$lookup", lookup);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private ValueTask EnsureKeyCheckedAsync(CancellationToken cancellationToken) => _keyCheck.EnsureAsync(StoreMarkerIfAbsentThenReadAsync, cancellationToken);

    private async Task<byte[]> StoreMarkerIfAbsentThenReadAsync(VaultKeyMarker marker, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(
            connection,
            null,
            "INSERT INTO pseudonyms (scope, token, entity_type, lookup, value, expires_at) VALUES ($scope, $token, $type, $scope, $value, $never) ON CONFLICT DO NOTHING",
            cancellationToken,
            ("$scope", marker.Scope),
            ("$token", marker.Token),
            ("$type", marker.EntityType),
            ("$value", marker.SealedValue),
            ("$never", long.MaxValue));

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM pseudonyms WHERE scope = $scope AND token = $token";
        command.Parameters.AddWithValue("$scope", marker.Scope);
        command.Parameters.AddWithValue("$token", marker.Token);
        return (byte[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public void Dispose() => _keyCheck.Dispose();

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
