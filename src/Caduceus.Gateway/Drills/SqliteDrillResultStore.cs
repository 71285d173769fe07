using System.Text.Json;
using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Drills;

/// <summary>Drill results in the gateway database (table <c>drill_results</c>), the newest <see cref="KeptPerSchedule"/> of each schedule.</summary>
internal sealed class SqliteDrillResultStore(GatewayDatabase database) : IDrillResultStore
{
    public const int KeptPerSchedule = 50;

    private const string Columns =
        "id, schedule, application, started_at, duration_ms, passed, categories, benign_total, benign_refused, max_benign_refused_rate, findings, event_id, incident_id";

    public async Task SaveAsync(DrillResult result, string scorecardJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO drill_results ({Columns}, scorecard) VALUES ($id, $schedule, $application, $started, $duration, $passed, $categories, $benignTotal, $benignRefused, $maxBenign, $findings, $event, $incident, $scorecard)";
            insert.Parameters.AddWithValue("$id", result.Id);
            insert.Parameters.AddWithValue("$schedule", result.Schedule);
            insert.Parameters.AddWithValue("$application", result.Application);
            insert.Parameters.AddWithValue("$started", result.StartedAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$duration", (long)Math.Round(result.DurationSeconds * 1000));
            insert.Parameters.AddWithValue("$passed", result.Passed ? 1 : 0);
            insert.Parameters.AddWithValue("$categories", JsonSerializer.Serialize(new Dictionary<string, DrillCategoryResult>(result.Categories), DrillJsonContext.Default.DictionaryStringDrillCategoryResult));
            insert.Parameters.AddWithValue("$benignTotal", result.BenignTotal);
            insert.Parameters.AddWithValue("$benignRefused", result.BenignRefused);
            insert.Parameters.AddWithValue("$maxBenign", result.MaxBenignRefusedRate);
            insert.Parameters.AddWithValue("$findings", JsonSerializer.Serialize(result.Findings.ToList(), DrillJsonContext.Default.ListString));
            insert.Parameters.AddWithValue("$event", result.EventId);
            insert.Parameters.AddWithValue("$incident", (object?)result.IncidentId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$scorecard", scorecardJson);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var prune = connection.CreateCommand())
        {
            prune.Transaction = transaction;
            prune.CommandText = "DELETE FROM drill_results WHERE schedule = $schedule AND id NOT IN (SELECT id FROM drill_results WHERE schedule = $schedule ORDER BY started_at DESC, id DESC LIMIT $keep)";
            prune.Parameters.AddWithValue("$schedule", result.Schedule);
            prune.Parameters.AddWithValue("$keep", KeptPerSchedule);
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DrillResult>> LatestAsync(CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {Columns} FROM drill_results r WHERE id = (SELECT id FROM drill_results WHERE schedule = r.schedule ORDER BY started_at DESC, id DESC LIMIT 1) ORDER BY started_at DESC",
            null,
            int.MaxValue,
            cancellationToken);

    public async Task<DrillResult?> LatestAsync(string schedule, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(schedule, 1, cancellationToken);
        return history.Count == 0 ? null : history[0];
    }

    public Task<IReadOnlyList<DrillResult>> HistoryAsync(string schedule, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM drill_results WHERE schedule = $schedule ORDER BY started_at DESC, id DESC LIMIT $limit", schedule, limit, cancellationToken);

    public async Task<string?> LatestScorecardAsync(string schedule, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT scorecard FROM drill_results WHERE schedule = $schedule ORDER BY started_at DESC, id DESC LIMIT 1";
        command.Parameters.AddWithValue("$schedule", schedule);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task<IReadOnlyList<DrillResult>> QueryAsync(string sql, string? schedule, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (schedule is not null)
        {
            command.Parameters.AddWithValue("$schedule", schedule);
            command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<DrillResult>();
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(Read(reader));
        }

        return results;
    }

    private static DrillResult Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Schedule = reader.GetString(1),
        Application = reader.GetString(2),
        StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        DurationSeconds = reader.GetInt64(4) / 1000.0,
        Passed = reader.GetInt64(5) == 1,
        Categories = JsonSerializer.Deserialize(reader.GetString(6), DrillJsonContext.Default.DictionaryStringDrillCategoryResult) ?? [],
        BenignTotal = reader.GetInt32(7),
        BenignRefused = reader.GetInt32(8),
        MaxBenignRefusedRate = reader.GetDouble(9),
        Findings = JsonSerializer.Deserialize(reader.GetString(10), DrillJsonContext.Default.ListString) ?? [],
        EventId = reader.GetString(11),
        IncidentId = reader.IsDBNull(12) ? null : reader.GetString(12),
    };
}
