using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Incidents in the gateway database (tables <c>incidents</c>, <c>incident_events</c>, <c>incident_actions</c>);
/// times are Unix milliseconds. Categories and entity counts are fixed vocabulary, stored as plain delimited text.
/// </summary>
public sealed class SqliteIncidentStore(GatewayDatabase database) : IIncidentStore
{
    private const string Columns = "id, playbook, subject, application, severity, categories, status, drill, opened_at, updated_at, closed_at, notified_at, notification_note";

    public async Task CreateAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO incidents ({Columns})
                VALUES ($id, $playbook, $subject, $application, $severity, $categories, $status, $drill, $opened, $updated, NULL, NULL, NULL)
                """;
            command.Parameters.AddWithValue("$id", incident.Id);
            command.Parameters.AddWithValue("$playbook", incident.Playbook);
            command.Parameters.AddWithValue("$subject", incident.Subject);
            command.Parameters.AddWithValue("$application", (object?)incident.Application ?? DBNull.Value);
            command.Parameters.AddWithValue("$severity", incident.Severity.ToString());
            command.Parameters.AddWithValue("$categories", string.Join('\n', incident.Categories));
            command.Parameters.AddWithValue("$status", incident.Status.ToString());
            command.Parameters.AddWithValue("$drill", incident.Drill ? 1 : 0);
            command.Parameters.AddWithValue("$opened", incident.OpenedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$updated", incident.UpdatedAt.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await InsertEventsAsync(connection, transaction, incident.Id, incident.Events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task AddEventsAsync(string incidentId, IReadOnlyList<IncidentEvent> events, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await InsertEventsAsync(connection, transaction, incidentId, events, cancellationToken);
        await TouchAsync(connection, transaction, incidentId, updatedAt, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task AddActionAsync(string incidentId, IncidentActionRecord action, IncidentStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO incident_actions (incident_id, time, action, target, actor, outcome)
                VALUES ($incident, $time, $action, $target, $actor, $outcome)
                """;
            command.Parameters.AddWithValue("$incident", incidentId);
            command.Parameters.AddWithValue("$time", action.Time.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$action", action.Action);
            command.Parameters.AddWithValue("$target", action.Target);
            command.Parameters.AddWithValue("$actor", action.Actor);
            command.Parameters.AddWithValue("$outcome", action.Outcome);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await TouchAsync(connection, transaction, incidentId, action.Time, status, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Incident?> GetAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        Incident? incident;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {Columns} FROM incidents WHERE id = $id";
            command.Parameters.AddWithValue("$id", incidentId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            incident = await reader.ReadAsync(cancellationToken) ? ReadIncident(reader) : null;
        }

        return incident is null
            ? null
            : incident with
            {
                Events = await ReadEventsAsync(connection, incidentId, cancellationToken),
                Actions = await ReadActionsAsync(connection, incidentId, cancellationToken),
            };
    }

    public async Task<IReadOnlyList<Incident>> ListAsync(bool includeClosed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM incidents {(includeClosed ? "" : "WHERE status <> 'Closed'")} ORDER BY opened_at DESC, id DESC";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var incidents = new List<Incident>();
        while (await reader.ReadAsync(cancellationToken))
        {
            incidents.Add(ReadIncident(reader));
        }

        return incidents;
    }

    public async Task<string?> FindOpenAsync(string playbook, string subject, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id FROM incidents WHERE subject = $subject AND status <> 'Closed'
            ORDER BY playbook = $playbook DESC, opened_at DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$playbook", playbook);
        command.Parameters.AddWithValue("$subject", subject);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task EscalateAsync(string incidentId, IncidentSeverity severity, IReadOnlyList<string> categories, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE incidents SET severity = $severity, categories = $categories, updated_at = max(updated_at, $at) WHERE id = $id";
        command.Parameters.AddWithValue("$id", incidentId);
        command.Parameters.AddWithValue("$severity", severity.ToString());
        command.Parameters.AddWithValue("$categories", string.Join('\n', categories));
        command.Parameters.AddWithValue("$at", updatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> CloseAsync(string incidentId, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE incidents SET status = 'Closed', closed_at = $at, updated_at = $at WHERE id = $id AND status <> 'Closed'";
        command.Parameters.AddWithValue("$id", incidentId);
        command.Parameters.AddWithValue("$at", closedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> RecordNotificationAsync(string incidentId, DateTimeOffset notifiedAt, string note, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE incidents SET notified_at = $at, notification_note = $note, updated_at = max(updated_at, $at) WHERE id = $id";
        command.Parameters.AddWithValue("$id", incidentId);
        command.Parameters.AddWithValue("$at", notifiedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$note", note);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task InsertEventsAsync(SqliteConnection connection, SqliteTransaction transaction, string incidentId, IReadOnlyList<IncidentEvent> events, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO incident_events (incident_id, event_id, time, type, code, route, entity_counts, source)
            VALUES ($incident, $event, $time, $type, $code, $route, $counts, $source)
            """;
        command.Parameters.AddWithValue("$incident", incidentId);
        var eventId = command.Parameters.Add("$event", SqliteType.Text);
        var time = command.Parameters.Add("$time", SqliteType.Integer);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var code = command.Parameters.Add("$code", SqliteType.Text);
        var route = command.Parameters.Add("$route", SqliteType.Text);
        var counts = command.Parameters.Add("$counts", SqliteType.Text);
        var source = command.Parameters.Add("$source", SqliteType.Text);
        foreach (var evidence in events)
        {
            eventId.Value = evidence.EventId;
            time.Value = evidence.Time.ToUnixTimeMilliseconds();
            type.Value = evidence.Type;
            code.Value = (object?)evidence.Code ?? DBNull.Value;
            route.Value = (object?)evidence.Route ?? DBNull.Value;
            counts.Value = EntityCountsText.Format(evidence.EntityCounts);
            source.Value = (object?)evidence.Source ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task TouchAsync(SqliteConnection connection, SqliteTransaction transaction, string incidentId, DateTimeOffset updatedAt, IncidentStatus? status, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = status is null
            ? "UPDATE incidents SET updated_at = max(updated_at, $at) WHERE id = $id"
            : "UPDATE incidents SET updated_at = max(updated_at, $at), status = $status WHERE id = $id AND status <> 'Closed'";
        command.Parameters.AddWithValue("$id", incidentId);
        command.Parameters.AddWithValue("$at", updatedAt.ToUnixTimeMilliseconds());
        if (status is { } newStatus)
        {
            command.Parameters.AddWithValue("$status", newStatus.ToString());
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<IncidentEvent>> ReadEventsAsync(SqliteConnection connection, string incidentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, time, type, code, route, entity_counts, source FROM incident_events WHERE incident_id = $id ORDER BY time, event_id";
        command.Parameters.AddWithValue("$id", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<IncidentEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new IncidentEvent(
                reader.GetString(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                EntityCountsText.Parse(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return events;
    }

    private static async Task<IReadOnlyList<IncidentActionRecord>> ReadActionsAsync(SqliteConnection connection, string incidentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT time, action, target, actor, outcome FROM incident_actions WHERE incident_id = $id ORDER BY id";
        command.Parameters.AddWithValue("$id", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actions = new List<IncidentActionRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            actions.Add(new IncidentActionRecord(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return actions;
    }

    private static Incident ReadIncident(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Playbook = reader.GetString(1),
        Subject = reader.GetString(2),
        Application = reader.IsDBNull(3) ? null : reader.GetString(3),
        Severity = Enum.Parse<IncidentSeverity>(reader.GetString(4)),
        Categories = reader.GetString(5).Split('\n', StringSplitOptions.RemoveEmptyEntries),
        Status = Enum.Parse<IncidentStatus>(reader.GetString(6)),
        Drill = reader.GetInt64(7) != 0,
        OpenedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
        ClosedAt = reader.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
        NotifiedAt = reader.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
        NotificationNote = reader.IsDBNull(12) ? null : reader.GetString(12),
    };
}
