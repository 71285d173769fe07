using Caduceus.Gateway.AdminMfa;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Admins' second factors in the shared PostgreSQL database, the same contract as <see cref="SqliteMfaFactorStore"/>.
/// A TOTP step is claimed in one conditional <c>UPDATE</c>, so a code used through one instance is a replay on all.
/// </summary>
internal sealed class PostgresMfaFactorStore(PostgresStateDatabase database) : IMfaFactorStore
{
    private const string Columns =
        "id, key_id, kind, label, created_at, confirmed_at, last_used_at, totp_seed, credential_id, public_key, sign_count";

    public async Task AddAsync(MfaFactor factor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factor);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO admin_mfa_factors (id, key_id, kind, label, created_at, confirmed_at, totp_seed, credential_id, public_key, sign_count)
            VALUES (@id, @key, @kind, @label, @created, @confirmed, @seed, @credential, @public, @count)
            """,
            connection);
        command.Parameters.AddWithValue("id", factor.Id);
        command.Parameters.AddWithValue("key", factor.KeyId);
        command.Parameters.AddWithValue("kind", KindText(factor.Kind));
        command.Parameters.AddWithValue("label", (object?)factor.Label ?? DBNull.Value);
        command.Parameters.AddWithValue("created", factor.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("confirmed", factor.ConfirmedAt is { } confirmed ? confirmed.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Parameters.AddWithValue("seed", (object?)factor.SealedTotpSeed ?? DBNull.Value);
        command.Parameters.AddWithValue("credential", (object?)factor.CredentialId ?? DBNull.Value);
        command.Parameters.AddWithValue("public", (object?)factor.PublicKey ?? DBNull.Value);
        command.Parameters.AddWithValue("count", (long)factor.SignCount);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<MfaFactor>> ListAsync(string keyId, CancellationToken cancellationToken) =>
        SelectAsync($"SELECT {Columns} FROM admin_mfa_factors WHERE key_id = @key ORDER BY created_at, seq", cancellationToken, ("key", keyId));

    public async Task<MfaFactor?> GetAsync(string keyId, string factorId, CancellationToken cancellationToken) =>
        (await SelectAsync($"SELECT {Columns} FROM admin_mfa_factors WHERE key_id = @key AND id = @id", cancellationToken, ("key", keyId), ("id", factorId)).ConfigureAwait(false))
            .SingleOrDefault();

    public async Task<bool> HasConfirmedAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM admin_mfa_factors WHERE key_id = @key AND confirmed_at IS NOT NULL)", connection);
        command.Parameters.AddWithValue("key", keyId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<MfaFactor?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        (await SelectAsync($"SELECT {Columns} FROM admin_mfa_factors WHERE credential_id = @credential", cancellationToken, ("credential", credentialId)).ConfigureAwait(false))
            .SingleOrDefault();

    public async Task<bool> TryUseTotpStepAsync(string factorId, long step, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE admin_mfa_factors
            SET totp_last_step = @step, last_used_at = @now, confirmed_at = COALESCE(confirmed_at, @now)
            WHERE id = @id AND kind = 'totp' AND (totp_last_step IS NULL OR totp_last_step < @step)
            """,
            cancellationToken,
            ("step", step),
            ("now", now.ToUnixTimeMilliseconds()),
            ("id", factorId)).ConfigureAwait(false) == 1;

    public Task RecordWebAuthnUseAsync(string factorId, uint signCount, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE admin_mfa_factors SET sign_count = @count, last_used_at = @now WHERE id = @id AND kind = 'webauthn'",
            cancellationToken,
            ("count", (long)signCount),
            ("now", now.ToUnixTimeMilliseconds()),
            ("id", factorId));

    public async Task<MfaFactorRemoval> RemoveAsync(string keyId, string factorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Locking all of the key's factors makes two removals racing (through any instances) take turns, so they
        // cannot each see the other as a remaining factor and both remove.
        var confirmed = new Dictionary<string, bool>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT id, confirmed_at IS NOT NULL FROM admin_mfa_factors WHERE key_id = @key FOR UPDATE", connection, transaction))
        {
            command.Parameters.AddWithValue("key", keyId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                confirmed[reader.GetString(0)] = reader.GetBoolean(1);
            }
        }

        if (!confirmed.TryGetValue(factorId, out var isConfirmed))
        {
            return MfaFactorRemoval.NotFound;
        }

        if (isConfirmed && confirmed.Values.Count(value => value) <= 1)
        {
            return MfaFactorRemoval.LastFactor;
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM admin_mfa_factors WHERE key_id = @key AND id = @id", connection, transaction))
        {
            delete.Parameters.AddWithValue("key", keyId);
            delete.Parameters.AddWithValue("id", factorId);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return MfaFactorRemoval.Removed;
    }

    private async Task<IReadOnlyList<MfaFactor>> SelectAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var factors = new List<MfaFactor>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            factors.Add(Read(reader));
        }

        return factors;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>Reads the columns of <see cref="Columns"/>, in that order.</summary>
    private static MfaFactor Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        KeyId = reader.GetString(1),
        Kind = reader.GetString(2) == "webauthn" ? MfaFactorKind.WebAuthn : MfaFactorKind.Totp,
        Label = reader.IsDBNull(3) ? null : reader.GetString(3),
        CreatedAt = Time(reader.GetInt64(4)),
        ConfirmedAt = reader.IsDBNull(5) ? null : Time(reader.GetInt64(5)),
        LastUsedAt = reader.IsDBNull(6) ? null : Time(reader.GetInt64(6)),
        SealedTotpSeed = reader.IsDBNull(7) ? null : reader.GetFieldValue<byte[]>(7),
        CredentialId = reader.IsDBNull(8) ? null : reader.GetFieldValue<byte[]>(8),
        PublicKey = reader.IsDBNull(9) ? null : reader.GetFieldValue<byte[]>(9),
        SignCount = reader.IsDBNull(10) ? 0 : (uint)reader.GetInt64(10),
    };

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private static string KindText(MfaFactorKind kind) => kind == MfaFactorKind.WebAuthn ? "webauthn" : "totp";
}
