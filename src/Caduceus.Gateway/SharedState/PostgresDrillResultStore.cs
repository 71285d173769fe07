using System.Text.Json;
using Caduceus.Gateway.Drills;
using Npgsql;
using NpgsqlTypes;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Scheduled drills' results in the shared PostgreSQL database, the same contract as <see cref="SqliteDrillResultStore"/>
/// (the newest <see cref="SqliteDrillResultStore.KeptPerSchedule"/> of each schedule, schedules matched without regard
/// to case): a drill run by whichever instance claimed it is listed and reported by every instance.
/// </summary>
internal sealed class PostgresDrillResultStore(PostgresStateDatabase database) : IDrillResultStore
{
    private const string Columns =
        "id, schedule, application, started_at, duration_ms, passed, categories, benign_total, benign_refused, max_benign_refused_rate, findings, event_id, incident_id";

    /// <summary>Newest first; ties broken by id in byte order, as SQLite compares text.</summary>
    private const string NewestFirst = "started_at DESC, id COLLATE \"C\" DESC";

    public async Task SaveAsync(DrillResult result, string scorecardJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = new NpgsqlCommand(
            $"""
            INSERT INTO drill_results ({Columns}, scorecard)
            VALUES (@id, @schedule, @application, @started, @duration, @passed, @categories, @benignTotal, @benignRefused, @maxBenign, @findings, @event, @incident, @scorecard)
            """,
            connection,
            transaction))
        {
            insert.Parameters.AddWithValue("id", result.Id);
            insert.Parameters.AddWithValue("schedule", result.Schedule);
            insert.Parameters.AddWithValue("application", result.Application);
            insert.Parameters.AddWithValue("started", result.StartedAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("duration", (long)Math.Round(result.DurationSeconds * 1000));
            insert.Parameters.AddWithValue("passed", result.Passed);
            insert.Parameters.AddWithValue(
                "categories", JsonSerializer.Serialize(new Dictionary<string, DrillCategoryResult>(result.Categories), DrillJsonContext.Default.DictionaryStringDrillCategoryResult));
            insert.Parameters.AddWithValue("benignTotal", result.BenignTotal);
            insert.Parameters.AddWithValue("benignRefused", result.BenignRefused);
            insert.Parameters.AddWithValue("maxBenign", result.MaxBenignRefusedRate);
            insert.Parameters.AddWithValue("findings", JsonSerializer.Serialize(result.Findings.ToList(), DrillJsonContext.Default.ListString));
            insert.Parameters.AddWithValue("event", result.EventId);
            insert.Parameters.AddWithValue("incident", NpgsqlDbType.Text, (object?)result.IncidentId ?? DBNull.Value);
            insert.Parameters.AddWithValue("scorecard", scorecardJson);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var prune = new NpgsqlCommand(
            $"""
            DELETE FROM drill_results WHERE lower(schedule) = lower(@schedule) AND id NOT IN
                (SELECT id FROM drill_results WHERE lower(schedule) = lower(@schedule) ORDER BY {NewestFirst} LIMIT @keep)
            """,
            connection,
            transaction))
        {
            prune.Parameters.AddWithValue("schedule", result.Schedule);
            prune.Parameters.AddWithValue("keep", SqliteDrillResultStore.KeptPerSchedule);
            await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<DrillResult>> LatestAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            SELECT {Columns} FROM (SELECT DISTINCT ON (lower(schedule)) * FROM drill_results ORDER BY lower(schedule), {NewestFirst}) latest
            ORDER BY {NewestFirst}
            """,
            null,
            0,
            cancellationToken);

    public async Task<DrillResult?> LatestAsync(string schedule, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(schedule, 1, cancellationToken).ConfigureAwait(false);
        return history.Count == 0 ? null : history[0];
    }

    public Task<IReadOnlyList<DrillResult>> HistoryAsync(string schedule, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM drill_results WHERE lower(schedule) = lower(@schedule) ORDER BY {NewestFirst} LIMIT @limit", schedule, limit, cancellationToken);

    public async Task<string?> LatestScorecardAsync(string schedule, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT scorecard FROM drill_results WHERE lower(schedule) = lower(@schedule) ORDER BY {NewestFirst} LIMIT 1", connection);
        command.Parameters.AddWithValue("schedule", schedule);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private async Task<IReadOnlyList<DrillResult>> QueryAsync(string sql, string? schedule, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        if (schedule is not null)
        {
            command.Parameters.AddWithValue("schedule", schedule);
            command.Parameters.AddWithValue("limit", Math.Max(0, limit));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<DrillResult>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            results.Add(Read(reader));
        }

        return results;
    }

    /// <summary>Reads the columns of <see cref="Columns"/>, in that order.</summary>
    private static DrillResult Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Schedule = reader.GetString(1),
        Application = reader.GetString(2),
        StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        DurationSeconds = reader.GetInt64(4) / 1000.0,
        Passed = reader.GetBoolean(5),
        Categories = JsonSerializer.Deserialize(reader.GetString(6), DrillJsonContext.Default.DictionaryStringDrillCategoryResult) ?? [],
        BenignTotal = reader.GetInt32(7),
        BenignRefused = reader.GetInt32(8),
        MaxBenignRefusedRate = reader.GetDouble(9),
        Findings = JsonSerializer.Deserialize(reader.GetString(10), DrillJsonContext.Default.ListString) ?? [],
        EventId = reader.GetString(11),
        IncidentId = reader.IsDBNull(12) ? null : reader.GetString(12),
    };
}
