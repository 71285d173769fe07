using Caduceus.Gateway.WebConsole.Accounts;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Console accounts in the shared PostgreSQL database, the same contract as <see cref="SqliteConsoleAccountStore"/>:
/// an account made or disabled through one instance is seen by every other at its next request, and a TOTP code
/// used through one is a replay on all (the step is claimed in one conditional <c>UPDATE</c>).
/// </summary>
public sealed class PostgresConsoleAccountStore(PostgresStateDatabase database) : IConsoleAccountStore
{
    private const string Columns = "id, name, roles, password_hash, totp_seed, totp_last_step, created_at, disabled_at";

    public async Task<bool> AddAsync(ConsoleAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return await database.ExecuteAsync(
            """
            INSERT INTO console_accounts (id, name, roles, password_hash, totp_seed, created_at)
            VALUES (@id, @name, @roles, @password, @seed, @created)
            ON CONFLICT (name) DO NOTHING
            """,
            cancellationToken,
            ("id", account.Id),
            ("name", account.Name),
            ("roles", string.Join(',', account.Roles)),
            ("password", account.PasswordHash),
            ("seed", account.SealedTotpSeed),
            ("created", account.CreatedAt.ToUnixTimeMilliseconds())).ConfigureAwait(false) == 1;
    }

    public Task<ConsoleAccount?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        FindAsync($"SELECT {Columns} FROM console_accounts WHERE name = @value", name, cancellationToken);

    public Task<ConsoleAccount?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        FindAsync($"SELECT {Columns} FROM console_accounts WHERE id = @value", id, cancellationToken);

    public async Task<IReadOnlyList<ConsoleAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM console_accounts ORDER BY name", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var accounts = new List<ConsoleAccount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(Read(reader));
        }

        return accounts;
    }

    public async Task<bool> UseTotpStepAsync(string accountId, long timeStep, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE console_accounts SET totp_last_step = @step WHERE id = @id AND (totp_last_step IS NULL OR totp_last_step < @step)",
            cancellationToken,
            ("id", accountId),
            ("step", timeStep)).ConfigureAwait(false) == 1;

    public async Task<bool> DisableAsync(string name, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE console_accounts SET disabled_at = @now WHERE name = @name AND disabled_at IS NULL",
            cancellationToken,
            ("name", name),
            ("now", now.ToUnixTimeMilliseconds())).ConfigureAwait(false) == 1;

    private async Task<ConsoleAccount?> FindAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Reads the columns of <see cref="Columns"/>, in that order.</summary>
    private static ConsoleAccount Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Name = reader.GetString(1),
        Roles = reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries),
        PasswordHash = reader.GetString(3),
        SealedTotpSeed = reader.GetFieldValue<byte[]>(4),
        TotpLastStep = reader.IsDBNull(5) ? null : reader.GetInt64(5),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        DisabledAt = reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
    };
}
