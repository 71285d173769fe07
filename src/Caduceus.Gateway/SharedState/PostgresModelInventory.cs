using Caduceus.Gateway.Models;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// The model inventory in the shared PostgreSQL database, the same contract as <see cref="SqliteModelInventory"/>:
/// application names compare without case, model names exactly. A change locks the table, so the duplicate and
/// default checks cannot interleave with another instance's or the CLI's change (changes are rare).
/// </summary>
public sealed class PostgresModelInventory(PostgresStateDatabase database, TimeProvider timeProvider) : IModelInventory
{
    private const string Columns =
        "application, model, version, owner, intended_use, phi_allowed, risk_tier, last_reviewed, is_default, created_at, updated_at";

    private const string SameEntry = "lower(application) = lower(@app) AND model = @model";

    public async Task<IReadOnlyList<ModelEntry>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SelectAsync(connection, null, $"SELECT {Columns} FROM model_inventory ORDER BY lower(application), model COLLATE \"C\"", null, null, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<ModelEntry?> GetAsync(string application, string model, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, null, application, model, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ModelEntry?> GetDefaultAsync(string application, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var found = await SelectAsync(
            connection, null, $"SELECT {Columns} FROM model_inventory WHERE lower(application) = lower(@app) AND is_default", application, null, cancellationToken)
            .ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM model_inventory)", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<ModelInventoryResult> AddAsync(ModelEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = timeProvider.GetUtcNow();
        var stored = entry with { CreatedAt = now, UpdatedAt = now };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginLockedAsync(connection, cancellationToken).ConfigureAwait(false);
        if (await GetAsync(connection, transaction, entry.Application, entry.Model, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return ModelInventoryResult.Conflict($"model '{existing.Model}' of application '{existing.Application}' is already in the inventory.");
        }

        if (await DefaultConflictAsync(connection, transaction, stored, cancellationToken).ConfigureAwait(false) is { } conflict)
        {
            return conflict;
        }

        await using (var command = new NpgsqlCommand($"""
            INSERT INTO model_inventory ({Columns})
            VALUES (@app, @model, @version, @owner, @use, @phi, @tier, @reviewed, @default, @created, @updated)
            """, connection, transaction))
        {
            Bind(command, stored);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ModelInventoryResult.Done(stored);
    }

    public async Task<ModelInventoryResult> UpdateAsync(string application, string model, ModelEntryChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginLockedAsync(connection, cancellationToken).ConfigureAwait(false);
        var current = await GetAsync(connection, transaction, application, model, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return ModelInventoryResult.NotFound(application, model);
        }

        var updated = change.ApplyTo(current) with { UpdatedAt = timeProvider.GetUtcNow() };
        if (await DefaultConflictAsync(connection, transaction, updated, cancellationToken).ConfigureAwait(false) is { } conflict)
        {
            return conflict;
        }

        await using (var command = new NpgsqlCommand($"""
            UPDATE model_inventory SET version = @version, owner = @owner, intended_use = @use, phi_allowed = @phi,
                risk_tier = @tier, last_reviewed = @reviewed, is_default = @default, updated_at = @updated
            WHERE {SameEntry}
            """, connection, transaction))
        {
            Bind(command, updated);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ModelInventoryResult.Done(updated);
    }

    public async Task<ModelInventoryResult> RemoveAsync(string application, string model, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginLockedAsync(connection, cancellationToken).ConfigureAwait(false);
        var current = await GetAsync(connection, transaction, application, model, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return ModelInventoryResult.NotFound(application, model);
        }

        await using (var command = new NpgsqlCommand($"DELETE FROM model_inventory WHERE {SameEntry}", connection, transaction))
        {
            command.Parameters.AddWithValue("app", application);
            command.Parameters.AddWithValue("model", model);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ModelInventoryResult.Done(current);
    }

    /// <summary>A transaction holding the table's write lock (readers are not blocked), which also covers rows not yet there.</summary>
    private static async Task<NpgsqlTransaction> BeginLockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var lockTable = new NpgsqlCommand("LOCK TABLE model_inventory IN SHARE ROW EXCLUSIVE MODE", connection, transaction);
        await lockTable.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    private static async Task<ModelInventoryResult?> DefaultConflictAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ModelEntry entry, CancellationToken cancellationToken)
    {
        if (!entry.IsDefault)
        {
            return null;
        }

        var defaults = await SelectAsync(
            connection, transaction, $"SELECT {Columns} FROM model_inventory WHERE lower(application) = lower(@app) AND is_default AND model <> @model",
            entry.Application, entry.Model, cancellationToken).ConfigureAwait(false);
        return defaults.Count == 0
            ? null
            : ModelInventoryResult.Conflict($"application '{entry.Application}' already has a default model ('{defaults[0].Model}'); clear that one first.");
    }

    private static async Task<ModelEntry?> GetAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string application, string model, CancellationToken cancellationToken)
    {
        var found = await SelectAsync(connection, transaction, $"SELECT {Columns} FROM model_inventory WHERE {SameEntry}", application, model, cancellationToken)
            .ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<IReadOnlyList<ModelEntry>> SelectAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string? application, string? model, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (application is not null)
        {
            command.Parameters.AddWithValue("app", application);
        }

        if (model is not null)
        {
            command.Parameters.AddWithValue("model", model);
        }

        var entries = new List<ModelEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    private static void Bind(NpgsqlCommand command, ModelEntry entry)
    {
        command.Parameters.AddWithValue("app", entry.Application);
        command.Parameters.AddWithValue("model", entry.Model);
        command.Parameters.AddWithValue("version", (object?)entry.Version ?? DBNull.Value);
        command.Parameters.AddWithValue("owner", entry.Owner);
        command.Parameters.AddWithValue("use", entry.IntendedUse);
        command.Parameters.AddWithValue("phi", entry.PhiAllowed);
        command.Parameters.AddWithValue("tier", entry.RiskTier);
        command.Parameters.AddWithValue("reviewed", entry.LastReviewed);
        command.Parameters.AddWithValue("default", entry.IsDefault);
        command.Parameters.AddWithValue("created", entry.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("updated", entry.UpdatedAt.ToUnixTimeMilliseconds());
    }

    /// <summary>Reads the columns of <see cref="Columns"/>, in that order.</summary>
    private static ModelEntry Read(NpgsqlDataReader reader) => new()
    {
        Application = reader.GetString(0),
        Model = reader.GetString(1),
        Version = reader.IsDBNull(2) ? null : reader.GetString(2),
        Owner = reader.GetString(3),
        IntendedUse = reader.GetString(4),
        PhiAllowed = reader.GetBoolean(5),
        RiskTier = reader.GetString(6),
        LastReviewed = reader.GetFieldValue<DateOnly>(7),
        IsDefault = reader.GetBoolean(8),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
    };
}
