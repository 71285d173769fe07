using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.WebConsole.Accounts;

/// <summary>Console accounts in the gateway's SQLite database, table <c>console_accounts</c>. Times are Unix milliseconds.</summary>
public sealed class SqliteConsoleAccountStore(GatewayDatabase database) : IConsoleAccountStore
{
    private const string Columns = "id, name, roles, password_hash, totp_seed, totp_last_step, created_at, disabled_at";

    /// <summary>Adds the account; false when the name is taken.</summary>
    public async Task<bool> AddAsync(ConsoleAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO console_accounts (id, name, roles, password_hash, totp_seed, created_at)
            VALUES ($id, $name, $roles, $password, $seed, $created)
            ON CONFLICT (name) DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", account.Id);
        command.Parameters.AddWithValue("$name", account.Name);
        command.Parameters.AddWithValue("$roles", string.Join(',', account.Roles));
        command.Parameters.AddWithValue("$password", account.PasswordHash);
        command.Parameters.AddWithValue("$seed", account.SealedTotpSeed);
        command.Parameters.AddWithValue("$created", account.CreatedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task<ConsoleAccount?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        FindAsync("name", name, cancellationToken);

    public Task<ConsoleAccount?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        FindAsync("id", id, cancellationToken);

    public async Task<IReadOnlyList<ConsoleAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM console_accounts ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<ConsoleAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(Read(reader));
        }

        return accounts;
    }

    /// <summary>
    /// Records that the code of <paramref name="timeStep"/> was used; false when that step or a later one already was
    /// (a replayed code), in one statement so two requests with the same code cannot both pass.
    /// </summary>
    public async Task<bool> UseTotpStepAsync(string accountId, long timeStep, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE console_accounts SET totp_last_step = $step
            WHERE id = $id AND (totp_last_step IS NULL OR totp_last_step < $step)
            """;
        command.Parameters.AddWithValue("$id", accountId);
        command.Parameters.AddWithValue("$step", timeStep);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Disables the account (its sessions stop working at their next request); false when there is no such active account.</summary>
    public async Task<bool> DisableAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE console_accounts SET disabled_at = $now WHERE name = $name AND disabled_at IS NULL";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<ConsoleAccount?> FindAsync(string column, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM console_accounts WHERE {column} = $value";
        command.Parameters.AddWithValue("$value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static ConsoleAccount Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Name = reader.GetString(1),
        Roles = reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries),
        PasswordHash = reader.GetString(3),
        SealedTotpSeed = (byte[])reader.GetValue(4),
        TotpLastStep = reader.IsDBNull(5) ? null : reader.GetInt64(5),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        DisabledAt = reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
    };
}
