using Caduceus.Gateway.Storage;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>Pending passkey ceremonies in the gateway's SQLite database, so any gateway sharing it can finish one.</summary>
internal sealed class SqliteWebAuthnCeremonyStore(GatewayDatabase database) : IWebAuthnCeremonyStore
{
    public async Task AddAsync(WebAuthnCeremony ceremony, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM admin_webauthn_ceremonies WHERE expires_at <= $now;
            INSERT INTO admin_webauthn_ceremonies (id, key_id, purpose, label, options, expires_at)
            VALUES ($id, $key, $purpose, $label, $options, $expires);
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", ceremony.Id);
        command.Parameters.AddWithValue("$key", ceremony.KeyId);
        command.Parameters.AddWithValue("$purpose", PurposeText(ceremony.Purpose));
        command.Parameters.AddWithValue("$label", (object?)ceremony.Label ?? DBNull.Value);
        command.Parameters.AddWithValue("$options", ceremony.OptionsJson);
        command.Parameters.AddWithValue("$expires", ceremony.ExpiresAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<WebAuthnCeremony?> TakeAsync(string id, string keyId, WebAuthnCeremonyPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM admin_webauthn_ceremonies WHERE id = $id AND key_id = $key AND purpose = $purpose
            RETURNING label, options, expires_at
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$key", keyId);
        command.Parameters.AddWithValue("$purpose", PurposeText(purpose));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
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
