using System.Globalization;
using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Models;

/// <summary>
/// The model inventory in the embedded SQLite database, table <c>model_inventory</c>. Application names compare
/// without case (as configuration does), model names exactly (as upstream APIs do). Changes run in IMMEDIATE
/// transactions, so the duplicate and default checks cannot interleave with another writer (the CLI).
/// </summary>
public sealed class SqliteModelInventory(GatewayDatabase database, TimeProvider timeProvider) : IModelInventory
{
    private const string Columns =
        "application, model, version, owner, intended_use, phi_allowed, risk_tier, last_reviewed, is_default, created_at, updated_at";

    public async Task<IReadOnlyList<ModelEntry>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await SelectAsync(connection, null, $"SELECT {Columns} FROM model_inventory ORDER BY application COLLATE NOCASE, model", cancellationToken);
    }

    public async Task<ModelEntry?> GetAsync(string application, string model, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, application, model, cancellationToken);
    }

    public async Task<ModelEntry?> GetDefaultAsync(string application, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await SelectAsync(
            connection, null, $"SELECT {Columns} FROM model_inventory WHERE application = $app AND is_default = 1", cancellationToken, ("$app", application));
        return found.Count == 0 ? null : found[0];
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT EXISTS (SELECT 1 FROM model_inventory)");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    public async Task<ModelInventoryResult> AddAsync(ModelEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = timeProvider.GetUtcNow();
        var stored = entry with { CreatedAt = now, UpdatedAt = now };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await GetAsync(connection, transaction, entry.Application, entry.Model, cancellationToken) is { } existing)
        {
            return ModelInventoryResult.Conflict($"model '{existing.Model}' of application '{existing.Application}' is already in the inventory.");
        }

        if (await DefaultConflictAsync(connection, transaction, stored, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        await using (var command = Command(connection, transaction, $"""
            INSERT INTO model_inventory ({Columns})
            VALUES ($app, $model, $version, $owner, $use, $phi, $tier, $reviewed, $default, $created, $updated)
            """))
        {
            Bind(command, stored);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ModelInventoryResult.Done(stored);
    }

    public async Task<ModelInventoryResult> UpdateAsync(string application, string model, ModelEntryChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var current = await GetAsync(connection, transaction, application, model, cancellationToken);
        if (current is null)
        {
            return ModelInventoryResult.NotFound(application, model);
        }

        var updated = change.ApplyTo(current) with { UpdatedAt = timeProvider.GetUtcNow() };
        if (await DefaultConflictAsync(connection, transaction, updated, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        await using (var command = Command(connection, transaction, """
            UPDATE model_inventory SET version = $version, owner = $owner, intended_use = $use, phi_allowed = $phi,
                risk_tier = $tier, last_reviewed = $reviewed, is_default = $default, updated_at = $updated
            WHERE application = $app AND model = $model
            """))
        {
            Bind(command, updated);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ModelInventoryResult.Done(updated);
    }

    public async Task<ModelInventoryResult> RemoveAsync(string application, string model, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var current = await GetAsync(connection, transaction, application, model, cancellationToken);
        if (current is null)
        {
            return ModelInventoryResult.NotFound(application, model);
        }

        await using (var command = Command(connection, transaction, "DELETE FROM model_inventory WHERE application = $app AND model = $model"))
        {
            command.Parameters.AddWithValue("$app", application);
            command.Parameters.AddWithValue("$model", model);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ModelInventoryResult.Done(current);
    }

    private static async Task<ModelInventoryResult?> DefaultConflictAsync(
        SqliteConnection connection, SqliteTransaction transaction, ModelEntry entry, CancellationToken cancellationToken)
    {
        if (!entry.IsDefault)
        {
            return null;
        }

        var defaults = await SelectAsync(
            connection, transaction, $"SELECT {Columns} FROM model_inventory WHERE application = $app AND is_default = 1 AND model <> $model",
            cancellationToken, ("$app", entry.Application), ("$model", entry.Model));
        return defaults.Count == 0
            ? null
            : ModelInventoryResult.Conflict($"application '{entry.Application}' already has a default model ('{defaults[0].Model}'); clear that one first.");
    }

    private static async Task<ModelEntry?> GetAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string application, string model, CancellationToken cancellationToken)
    {
        var found = await SelectAsync(
            connection, transaction, $"SELECT {Columns} FROM model_inventory WHERE application = $app AND model = $model",
            cancellationToken, ("$app", application), ("$model", model));
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<IReadOnlyList<ModelEntry>> SelectAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var entries = new List<ModelEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    private static void Bind(SqliteCommand command, ModelEntry entry)
    {
        command.Parameters.AddWithValue("$app", entry.Application);
        command.Parameters.AddWithValue("$model", entry.Model);
        command.Parameters.AddWithValue("$version", (object?)entry.Version ?? DBNull.Value);
        command.Parameters.AddWithValue("$owner", entry.Owner);
        command.Parameters.AddWithValue("$use", entry.IntendedUse);
        command.Parameters.AddWithValue("$phi", entry.PhiAllowed ? 1 : 0);
        command.Parameters.AddWithValue("$tier", entry.RiskTier);
        command.Parameters.AddWithValue("$reviewed", entry.LastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$default", entry.IsDefault ? 1 : 0);
        command.Parameters.AddWithValue("$created", entry.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$updated", entry.UpdatedAt.ToUnixTimeMilliseconds());
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Reads the columns of <see cref="Columns"/>, in that order.</summary>
    private static ModelEntry Read(SqliteDataReader reader) => new()
    {
        Application = reader.GetString(0),
        Model = reader.GetString(1),
        Version = reader.IsDBNull(2) ? null : reader.GetString(2),
        Owner = reader.GetString(3),
        IntendedUse = reader.GetString(4),
        PhiAllowed = reader.GetInt64(5) == 1,
        RiskTier = reader.GetString(6),
        LastReviewed = DateOnly.ParseExact(reader.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        IsDefault = reader.GetInt64(8) == 1,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
    };
}
