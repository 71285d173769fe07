using System.Globalization;
using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>Admins' second factors in the gateway's SQLite database, table <c>admin_mfa_factors</c>.</summary>
internal sealed class SqliteMfaFactorStore(GatewayDatabase database) : IMfaFactorStore
{
    private const string Columns =
        "id, key_id, kind, label, created_at, confirmed_at, last_used_at, totp_seed, credential_id, public_key, sign_count";

    public async Task AddAsync(MfaFactor factor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO admin_mfa_factors (id, key_id, kind, label, created_at, confirmed_at, totp_seed, credential_id, public_key, sign_count)
            VALUES ($id, $key, $kind, $label, $created, $confirmed, $seed, $credential, $public, $count)
            """;
        command.Parameters.AddWithValue("$id", factor.Id);
        command.Parameters.AddWithValue("$key", factor.KeyId);
        command.Parameters.AddWithValue("$kind", KindText(factor.Kind));
        command.Parameters.AddWithValue("$label", (object?)factor.Label ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", factor.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$confirmed", factor.ConfirmedAt is { } confirmed ? confirmed.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Parameters.AddWithValue("$seed", (object?)factor.SealedTotpSeed ?? DBNull.Value);
        command.Parameters.AddWithValue("$credential", (object?)factor.CredentialId ?? DBNull.Value);
        command.Parameters.AddWithValue("$public", (object?)factor.PublicKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$count", (long)factor.SignCount);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MfaFactor>> ListAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM admin_mfa_factors WHERE key_id = $key ORDER BY created_at, rowid";
        command.Parameters.AddWithValue("$key", keyId);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<MfaFactor?> GetAsync(string keyId, string factorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM admin_mfa_factors WHERE key_id = $key AND id = $id";
        command.Parameters.AddWithValue("$key", keyId);
        command.Parameters.AddWithValue("$id", factorId);
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> HasConfirmedAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM admin_mfa_factors WHERE key_id = $key AND confirmed_at IS NOT NULL)";
        command.Parameters.AddWithValue("$key", keyId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    public async Task<MfaFactor?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM admin_mfa_factors WHERE credential_id = $credential";
        command.Parameters.AddWithValue("$credential", credentialId);
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> TryUseTotpStepAsync(string factorId, long step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE admin_mfa_factors
            SET totp_last_step = $step, last_used_at = $now, confirmed_at = COALESCE(confirmed_at, $now)
            WHERE id = $id AND kind = 'totp' AND (totp_last_step IS NULL OR totp_last_step < $step)
            """;
        command.Parameters.AddWithValue("$step", step);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", factorId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task RecordWebAuthnUseAsync(string factorId, uint signCount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE admin_mfa_factors SET sign_count = $count, last_used_at = $now WHERE id = $id AND kind = 'webauthn'";
        command.Parameters.AddWithValue("$count", (long)signCount);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", factorId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<MfaFactorRemoval> RemoveAsync(string keyId, string factorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // IMMEDIATE: two removals racing cannot each leave the other as the last factor and then both remove.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT confirmed_at IS NOT NULL,
                   (SELECT COUNT(*) FROM admin_mfa_factors WHERE key_id = $key AND confirmed_at IS NOT NULL)
            FROM admin_mfa_factors WHERE key_id = $key AND id = $id
            """;
        command.Parameters.AddWithValue("$key", keyId);
        command.Parameters.AddWithValue("$id", factorId);
        bool confirmed;
        long confirmedCount;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return MfaFactorRemoval.NotFound;
            }

            confirmed = reader.GetBoolean(0);
            confirmedCount = reader.GetInt64(1);
        }

        if (confirmed && confirmedCount <= 1)
        {
            return MfaFactorRemoval.LastFactor;
        }

        command.CommandText = "DELETE FROM admin_mfa_factors WHERE key_id = $key AND id = $id";
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MfaFactorRemoval.Removed;
    }

    private static async Task<IReadOnlyList<MfaFactor>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var factors = new List<MfaFactor>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            factors.Add(new MfaFactor
            {
                Id = reader.GetString(0),
                KeyId = reader.GetString(1),
                Kind = reader.GetString(2) == "webauthn" ? MfaFactorKind.WebAuthn : MfaFactorKind.Totp,
                Label = reader.IsDBNull(3) ? null : reader.GetString(3),
                CreatedAt = Time(reader.GetInt64(4)),
                ConfirmedAt = reader.IsDBNull(5) ? null : Time(reader.GetInt64(5)),
                LastUsedAt = reader.IsDBNull(6) ? null : Time(reader.GetInt64(6)),
                SealedTotpSeed = reader.IsDBNull(7) ? null : (byte[])reader.GetValue(7),
                CredentialId = reader.IsDBNull(8) ? null : (byte[])reader.GetValue(8),
                PublicKey = reader.IsDBNull(9) ? null : (byte[])reader.GetValue(9),
                SignCount = reader.IsDBNull(10) ? 0 : (uint)reader.GetInt64(10),
            });
        }

        return factors;
    }

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private static string KindText(MfaFactorKind kind) => kind == MfaFactorKind.WebAuthn ? "webauthn" : "totp";
}
