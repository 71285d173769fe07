using Caduceus.Gateway.WebConsole.Passkeys;
using Npgsql;
using NpgsqlTypes;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Console accounts' passkeys in the shared PostgreSQL database, the same contract as <see cref="SqliteConsolePasskeyStore"/>:
/// a passkey registered through one instance signs in through every other, and its signature counter is one counter.
/// </summary>
internal sealed class PostgresConsolePasskeyStore(PostgresStateDatabase database) : IConsolePasskeyStore
{
    private const string Columns = "id, account_id, label, credential_id, public_key, sign_count, created_at, last_used_at";

    public async Task<bool> AddAsync(ConsolePasskey passkey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO console_passkeys (id, account_id, label, credential_id, public_key, sign_count, created_at)
            VALUES (@id, @account, @label, @credential, @public, @count, @created)
            ON CONFLICT (credential_id) DO NOTHING
            """,
            connection);
        command.Parameters.AddWithValue("id", passkey.Id);
        command.Parameters.AddWithValue("account", passkey.AccountId);
        command.Parameters.AddWithValue("label", NpgsqlDbType.Text, (object?)passkey.Label ?? DBNull.Value);
        command.Parameters.AddWithValue("credential", passkey.CredentialId);
        command.Parameters.AddWithValue("public", passkey.PublicKey);
        command.Parameters.AddWithValue("count", (long)passkey.SignCount);
        command.Parameters.AddWithValue("created", passkey.CreatedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<ConsolePasskey>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM console_passkeys WHERE account_id = @account ORDER BY created_at, seq", connection);
        command.Parameters.AddWithValue("account", accountId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var passkeys = new List<ConsolePasskey>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            passkeys.Add(Read(reader));
        }

        return passkeys;
    }

    public async Task<ConsolePasskey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM console_passkeys WHERE credential_id = @credential", connection);
        command.Parameters.AddWithValue("credential", credentialId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<bool> RecordUseAsync(ConsolePasskey passkey, uint signCount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "UPDATE console_passkeys SET sign_count = @count, last_used_at = @now WHERE id = @id AND sign_count = @seen", connection);
        command.Parameters.AddWithValue("id", passkey.Id);
        command.Parameters.AddWithValue("count", (long)signCount);
        command.Parameters.AddWithValue("seen", (long)passkey.SignCount);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> RemoveAsync(string accountId, string passkeyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("DELETE FROM console_passkeys WHERE account_id = @account AND id = @id", connection);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("id", passkeyId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static ConsolePasskey Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        AccountId = reader.GetString(1),
        Label = reader.IsDBNull(2) ? null : reader.GetString(2),
        CredentialId = reader.GetFieldValue<byte[]>(3),
        PublicKey = reader.GetFieldValue<byte[]>(4),
        SignCount = (uint)reader.GetInt64(5),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        LastUsedAt = reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
    };
}
