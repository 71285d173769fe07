using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Incidents;

/// <summary>Drills in the gateway database (table <c>drills</c>, times in Unix milliseconds).</summary>
public sealed class SqliteDrillStore(GatewayDatabase database) : IDrillStore
{
    private const string Columns = "id, principal, label, started_at, ends_at, ended_at";

    public async Task StartAsync(Drill drill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drill);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO drills ({Columns}) VALUES ($id, $principal, $label, $started, $ends, NULL)";
        command.Parameters.AddWithValue("$id", drill.Id);
        command.Parameters.AddWithValue("$principal", drill.Principal);
        command.Parameters.AddWithValue("$label", drill.Label);
        command.Parameters.AddWithValue("$started", drill.StartedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$ends", drill.EndsAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> EndAsync(string drillId, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE drills SET ended_at = $at WHERE id = $id AND ended_at IS NULL AND ends_at > $at";
        command.Parameters.AddWithValue("$id", drillId);
        command.Parameters.AddWithValue("$at", endedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<Drill?> ActiveForAsync(string principal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM drills WHERE principal = $principal AND ended_at IS NULL AND started_at <= $now AND ends_at > $now ORDER BY started_at DESC LIMIT 1";
        command.Parameters.AddWithValue("$principal", principal);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<Drill>> ListAsync(bool includeEnded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM drills {(includeEnded ? "" : "WHERE ended_at IS NULL AND ends_at > $now")} ORDER BY started_at DESC, id DESC";
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var drills = new List<Drill>();
        while (await reader.ReadAsync(cancellationToken))
        {
            drills.Add(Read(reader));
        }

        return drills;
    }

    private static Drill Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Principal = reader.GetString(1),
        Label = reader.GetString(2),
        StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        EndsAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        EndedAt = reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
    };
}
