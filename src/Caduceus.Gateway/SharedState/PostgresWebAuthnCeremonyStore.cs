using Caduceus.Gateway.AdminMfa;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Pending passkey ceremonies in the shared PostgreSQL database, so options fetched through one instance can be
/// answered through another. <c>DELETE ... RETURNING</c> takes a ceremony at most once, across all instances.
/// </summary>
internal sealed class PostgresWebAuthnCeremonyStore(PostgresStateDatabase database) : IWebAuthnCeremonyStore
{
    public async Task AddAsync(WebAuthnCeremony ceremony, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ceremony);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        var purge = new NpgsqlBatchCommand("DELETE FROM admin_webauthn_ceremonies WHERE expires_at <= @now");
        purge.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO admin_webauthn_ceremonies (id, key_id, purpose, label, options, expires_at)
            VALUES (@id, @key, @purpose, @label, @options, @expires)
            """);
        insert.Parameters.AddWithValue("id", ceremony.Id);
        insert.Parameters.AddWithValue("key", ceremony.KeyId);
        insert.Parameters.AddWithValue("purpose", PurposeText(ceremony.Purpose));
        insert.Parameters.AddWithValue("label", (object?)ceremony.Label ?? DBNull.Value);
        insert.Parameters.AddWithValue("options", ceremony.OptionsJson);
        insert.Parameters.AddWithValue("expires", ceremony.ExpiresAt.ToUnixTimeMilliseconds());
        batch.BatchCommands.Add(purge);
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<WebAuthnCeremony?> TakeAsync(string id, string keyId, WebAuthnCeremonyPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM admin_webauthn_ceremonies WHERE id = @id AND key_id = @key AND purpose = @purpose
            RETURNING label, options, expires_at
            """,
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("key", keyId);
        command.Parameters.AddWithValue("purpose", PurposeText(purpose));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
        return expiresAt <= now
            ? null
            : new WebAuthnCeremony(id, keyId, purpose, reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), expiresAt);
    }

    private static string PurposeText(WebAuthnCeremonyPurpose purpose) => purpose == WebAuthnCeremonyPurpose.Registration ? "registration" : "assertion";
}
