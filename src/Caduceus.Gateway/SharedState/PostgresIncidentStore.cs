using Caduceus.Gateway.Incidents;
using Npgsql;
using NpgsqlTypes;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Incidents in the shared PostgreSQL database, the same contract as <see cref="SqliteIncidentStore"/>, so every
/// instance (and the CLI) sees one incident per attack. Times are Unix milliseconds. Opening is atomic across
/// instances: under a transaction-scoped advisory lock on the subject, an incident already open for the same playbook
/// and subject makes <see cref="CreateAsync"/> throw <see cref="IncidentAlreadyOpenException"/> instead of adding a twin.
/// </summary>
internal sealed class PostgresIncidentStore(PostgresStateDatabase database) : IIncidentStore
{
    /// <summary>The first key of the two-key advisory locks that serialize opening incidents per subject (any fixed number).</summary>
    private const int OpeningLockClass = 0x0CAD_1C1D;

    private const string Columns = "id, playbook, subject, application, severity, categories, status, drill, opened_at, updated_at, closed_at, notified_at, notification_note";

    public async Task CreateAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await LockAndFindOpenTwinAsync(connection, transaction, incident, cancellationToken).ConfigureAwait(false) is { } twin)
        {
            throw new IncidentAlreadyOpenException(twin);
        }

        await using (var command = new NpgsqlCommand(
            $"""
            INSERT INTO incidents ({Columns})
            VALUES (@id, @playbook, @subject, @application, @severity, @categories, @status, @drill, @opened, @updated, NULL, NULL, NULL)
            """,
            connection,
            transaction))
        {
            command.Parameters.AddWithValue("id", incident.Id);
            command.Parameters.AddWithValue("playbook", incident.Playbook);
            command.Parameters.AddWithValue("subject", incident.Subject);
            command.Parameters.AddWithValue("application", NpgsqlDbType.Text, (object?)incident.Application ?? DBNull.Value);
            command.Parameters.AddWithValue("severity", incident.Severity.ToString());
            command.Parameters.AddWithValue("categories", string.Join('\n', incident.Categories));
            command.Parameters.AddWithValue("status", incident.Status.ToString());
            command.Parameters.AddWithValue("drill", incident.Drill);
            command.Parameters.AddWithValue("opened", incident.OpenedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("updated", incident.UpdatedAt.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertEventsAsync(connection, transaction, incident.Id, incident.Events, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddEventsAsync(string incidentId, IReadOnlyList<IncidentEvent> events, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await InsertEventsAsync(connection, transaction, incidentId, events, cancellationToken).ConfigureAwait(false);
        await TouchAsync(connection, transaction, incidentId, updatedAt, null, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddActionAsync(string incidentId, IncidentActionRecord action, IncidentStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(
            "INSERT INTO incident_actions (incident_id, time, action, target, actor, outcome) VALUES (@incident, @time, @action, @target, @actor, @outcome)",
            connection,
            transaction))
        {
            command.Parameters.AddWithValue("incident", incidentId);
            command.Parameters.AddWithValue("time", action.Time.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("action", action.Action);
            command.Parameters.AddWithValue("target", action.Target);
            command.Parameters.AddWithValue("actor", action.Actor);
            command.Parameters.AddWithValue("outcome", action.Outcome);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await TouchAsync(connection, transaction, incidentId, action.Time, status, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Incident?> GetAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        Incident? incident;
        await using (var command = new NpgsqlCommand($"SELECT {Columns} FROM incidents WHERE id = @id", connection))
        {
            command.Parameters.AddWithValue("id", incidentId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            incident = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadIncident(reader) : null;
        }

        return incident is null
            ? null
            : incident with
            {
                Events = await ReadEventsAsync(connection, incidentId, cancellationToken).ConfigureAwait(false),
                Actions = await ReadActionsAsync(connection, incidentId, cancellationToken).ConfigureAwait(false),
            };
    }

    public async Task<IReadOnlyList<Incident>> ListAsync(bool includeClosed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM incidents {(includeClosed ? "" : "WHERE status <> 'Closed'")} ORDER BY opened_at DESC, id DESC", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var incidents = new List<Incident>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            incidents.Add(ReadIncident(reader));
        }

        return incidents;
    }

    /// <summary>Waits for other instances opening an incident for the same subject, then finds an open one of the same playbook.</summary>
    private static async Task<string?> LockAndFindOpenTwinAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Incident incident, CancellationToken cancellationToken)
    {
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@class, hashtext(@subject))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("class", OpeningLockClass);
            lockCommand.Parameters.AddWithValue("subject", incident.Subject);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var find = new NpgsqlCommand(
            "SELECT id FROM incidents WHERE subject = @subject AND playbook = @playbook AND status <> 'Closed' ORDER BY opened_at DESC LIMIT 1",
            connection,
            transaction);
        find.Parameters.AddWithValue("subject", incident.Subject);
        find.Parameters.AddWithValue("playbook", incident.Playbook);
        return await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task<string?> FindOpenAsync(string playbook, string subject, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            SELECT id FROM incidents WHERE subject = @subject AND status <> 'Closed'
            ORDER BY playbook = @playbook DESC, opened_at DESC LIMIT 1
            """,
            connection);
        command.Parameters.AddWithValue("playbook", playbook);
        command.Parameters.AddWithValue("subject", subject);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task EscalateAsync(string incidentId, IncidentSeverity severity, IReadOnlyList<string> categories, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(categories);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "UPDATE incidents SET severity = @severity, categories = @categories, updated_at = GREATEST(updated_at, @at) WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", incidentId);
        command.Parameters.AddWithValue("severity", severity.ToString());
        command.Parameters.AddWithValue("categories", string.Join('\n', categories));
        command.Parameters.AddWithValue("at", updatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> CloseAsync(string incidentId, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "UPDATE incidents SET status = 'Closed', closed_at = @at, updated_at = @at WHERE id = @id AND status <> 'Closed'", connection);
        command.Parameters.AddWithValue("id", incidentId);
        command.Parameters.AddWithValue("at", closedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> RecordNotificationAsync(string incidentId, DateTimeOffset notifiedAt, string note, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "UPDATE incidents SET notified_at = @at, notification_note = @note, updated_at = GREATEST(updated_at, @at) WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", incidentId);
        command.Parameters.AddWithValue("at", notifiedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("note", note);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task InsertEventsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string incidentId, IReadOnlyList<IncidentEvent> events, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO incident_events (incident_id, event_id, time, type, code, route, entity_counts, source)
            VALUES (@incident, @event, @time, @type, @code, @route, @counts, @source)
            ON CONFLICT DO NOTHING
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("incident", incidentId);
        var eventId = command.Parameters.Add("event", NpgsqlDbType.Text);
        var time = command.Parameters.Add("time", NpgsqlDbType.Bigint);
        var type = command.Parameters.Add("type", NpgsqlDbType.Text);
        var code = command.Parameters.Add("code", NpgsqlDbType.Text);
        var route = command.Parameters.Add("route", NpgsqlDbType.Text);
        var counts = command.Parameters.Add("counts", NpgsqlDbType.Text);
        var source = command.Parameters.Add("source", NpgsqlDbType.Text);
        foreach (var evidence in events)
        {
            eventId.Value = evidence.EventId;
            time.Value = evidence.Time.ToUnixTimeMilliseconds();
            type.Value = evidence.Type;
            code.Value = (object?)evidence.Code ?? DBNull.Value;
            route.Value = (object?)evidence.Route ?? DBNull.Value;
            counts.Value = EntityCountsText.Format(evidence.EntityCounts);
            source.Value = (object?)evidence.Source ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task TouchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string incidentId, DateTimeOffset updatedAt, IncidentStatus? status, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            status is null
                ? "UPDATE incidents SET updated_at = GREATEST(updated_at, @at) WHERE id = @id"
                : "UPDATE incidents SET updated_at = GREATEST(updated_at, @at), status = @status WHERE id = @id AND status <> 'Closed'",
            connection,
            transaction);
        command.Parameters.AddWithValue("id", incidentId);
        command.Parameters.AddWithValue("at", updatedAt.ToUnixTimeMilliseconds());
        if (status is { } newStatus)
        {
            command.Parameters.AddWithValue("status", newStatus.ToString());
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<IncidentEvent>> ReadEventsAsync(NpgsqlConnection connection, string incidentId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT event_id, time, type, code, route, entity_counts, source FROM incident_events WHERE incident_id = @id ORDER BY time, event_id", connection);
        command.Parameters.AddWithValue("id", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<IncidentEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
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

    private static async Task<IReadOnlyList<IncidentActionRecord>> ReadActionsAsync(NpgsqlConnection connection, string incidentId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT time, action, target, actor, outcome FROM incident_actions WHERE incident_id = @id ORDER BY seq", connection);
        command.Parameters.AddWithValue("id", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var actions = new List<IncidentActionRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            actions.Add(new IncidentActionRecord(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return actions;
    }

    /// <summary>Reads the columns of <see cref="Columns"/>, in that order.</summary>
    private static Incident ReadIncident(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Playbook = reader.GetString(1),
        Subject = reader.GetString(2),
        Application = reader.IsDBNull(3) ? null : reader.GetString(3),
        Severity = Enum.Parse<IncidentSeverity>(reader.GetString(4)),
        Categories = reader.GetString(5).Split('\n', StringSplitOptions.RemoveEmptyEntries),
        Status = Enum.Parse<IncidentStatus>(reader.GetString(6)),
        Drill = reader.GetBoolean(7),
        OpenedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
        ClosedAt = OptionalTime(reader, 10),
        NotifiedAt = OptionalTime(reader, 11),
        NotificationNote = reader.IsDBNull(12) ? null : reader.GetString(12),
    };

    private static DateTimeOffset? OptionalTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
