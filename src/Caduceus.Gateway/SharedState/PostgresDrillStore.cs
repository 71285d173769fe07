using Caduceus.Gateway.Incidents;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Declared drills in the shared PostgreSQL database, the same contract as <see cref="SqliteDrillStore"/>: a drill
/// declared through one instance marks the incidents every instance opens for its caller.
/// </summary>
internal sealed class PostgresDrillStore(PostgresStateDatabase database) : IDrillStore
{
    private const string Columns = "id, principal, label, started_at, ends_at, ended_at";

    public async Task StartAsync(Drill drill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drill);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"INSERT INTO drills ({Columns}) VALUES (@id, @principal, @label, @started, @ends, NULL)", connection);
        command.Parameters.AddWithValue("id", drill.Id);
        command.Parameters.AddWithValue("principal", drill.Principal);
        command.Parameters.AddWithValue("label", drill.Label);
        command.Parameters.AddWithValue("started", drill.StartedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("ends", drill.EndsAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> EndAsync(string drillId, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("UPDATE drills SET ended_at = @at WHERE id = @id AND ended_at IS NULL AND ends_at > @at", connection);
        command.Parameters.AddWithValue("id", drillId);
        command.Parameters.AddWithValue("at", endedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<Drill?> ActiveForAsync(string principal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM drills WHERE principal = @principal AND ended_at IS NULL AND started_at <= @now AND ends_at > @now ORDER BY started_at DESC LIMIT 1",
            connection);
        command.Parameters.AddWithValue("principal", principal);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<Drill>> ListAsync(bool includeEnded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM drills {(includeEnded ? "" : "WHERE ended_at IS NULL AND ends_at > @now")} ORDER BY started_at DESC, id DESC", connection);
        if (!includeEnded)
        {
            command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var drills = new List<Drill>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            drills.Add(Read(reader));
        }

        return drills;
    }

    /// <summary>Reads the columns of <see cref="Columns"/>, in that order.</summary>
    private static Drill Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Principal = reader.GetString(1),
        Label = reader.GetString(2),
        StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        EndsAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        EndedAt = reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
    };
}
