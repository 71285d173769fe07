using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>Console accounts' passkeys in the gateway's SQLite database, table <c>console_passkeys</c>. Times are Unix milliseconds.</summary>
internal sealed class SqliteConsolePasskeyStore(GatewayDatabase database) : IConsolePasskeyStore
{
    private const string Columns = "id, account_id, label, credential_id, public_key, sign_count, created_at, last_used_at";

    public async Task<bool> AddAsync(ConsolePasskey passkey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO console_passkeys (id, account_id, label, credential_id, public_key, sign_count, created_at)
            VALUES ($id, $account, $label, $credential, $public, $count, $created)
            ON CONFLICT (credential_id) DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", passkey.Id);
        command.Parameters.AddWithValue("$account", passkey.AccountId);
        command.Parameters.AddWithValue("$label", (object?)passkey.Label ?? DBNull.Value);
        command.Parameters.AddWithValue("$credential", passkey.CredentialId);
        command.Parameters.AddWithValue("$public", passkey.PublicKey);
        command.Parameters.AddWithValue("$count", (long)passkey.SignCount);
        command.Parameters.AddWithValue("$created", passkey.CreatedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<ConsolePasskey>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM console_passkeys WHERE account_id = $account ORDER BY created_at, rowid";
        command.Parameters.AddWithValue("$account", accountId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var passkeys = new List<ConsolePasskey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            passkeys.Add(Read(reader));
        }

        return passkeys;
    }

    public async Task<ConsolePasskey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM console_passkeys WHERE credential_id = $credential";
        command.Parameters.AddWithValue("$credential", credentialId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<bool> RecordUseAsync(ConsolePasskey passkey, uint signCount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE console_passkeys SET sign_count = $count, last_used_at = $now WHERE id = $id AND sign_count = $seen";
        command.Parameters.AddWithValue("$id", passkey.Id);
        command.Parameters.AddWithValue("$count", (long)signCount);
        command.Parameters.AddWithValue("$seen", (long)passkey.SignCount);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> RemoveAsync(string accountId, string passkeyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM console_passkeys WHERE account_id = $account AND id = $id";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$id", passkeyId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static ConsolePasskey Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        AccountId = reader.GetString(1),
        Label = reader.IsDBNull(2) ? null : reader.GetString(2),
        CredentialId = (byte[])reader.GetValue(3),
        PublicKey = (byte[])reader.GetValue(4),
        SignCount = (uint)reader.GetInt64(5),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        LastUsedAt = reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
    };
}
