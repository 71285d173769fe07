using Caduceus.Gateway.Incidents;
using Npgsql;
using NpgsqlTypes;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Containment blocks in the shared PostgreSQL database, the same contract as <see cref="SqliteContainmentStore"/>:
/// a block placed or lifted on one instance is enforced by every instance at its next read (<see cref="ActiveContainment"/>).
/// </summary>
internal sealed class PostgresContainmentStore(PostgresStateDatabase database) : IContainmentStore
{
    private const string Columns = "id, kind, value, action, incident_id, created_at, until, lifted_at, detail";

    public async Task AddAsync(ContainmentBlock block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(block);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO containment_blocks ({Columns}) VALUES (@id, @kind, @value, @action, @incident, @created, @until, NULL, @detail)", connection);
        command.Parameters.AddWithValue("id", block.Id);
        command.Parameters.AddWithValue("kind", block.Kind.ToString());
        command.Parameters.AddWithValue("value", block.Value);
        command.Parameters.AddWithValue("action", block.Action);
        command.Parameters.AddWithValue("incident", NpgsqlDbType.Text, (object?)block.IncidentId ?? DBNull.Value);
        command.Parameters.AddWithValue("created", block.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("until", NpgsqlDbType.Bigint, (object?)block.Until?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("detail", NpgsqlDbType.Text, (object?)block.Detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> LiftAsync(string blockId, DateTimeOffset liftedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("UPDATE containment_blocks SET lifted_at = @at WHERE id = @id AND lifted_at IS NULL", connection);
        command.Parameters.AddWithValue("id", blockId);
        command.Parameters.AddWithValue("at", liftedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<ContainmentBlock?> GetAsync(string blockId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM containment_blocks WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", blockId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<ContainmentBlock>> ActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM containment_blocks WHERE lifted_at IS NULL AND (until IS NULL OR until > @now) ORDER BY created_at, id", connection);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var blocks = new List<ContainmentBlock>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            blocks.Add(Read(reader));
        }

        return blocks;
    }

    /// <summary>Reads the columns of <see cref="Columns"/>, in that order.</summary>
    private static ContainmentBlock Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Kind = Enum.Parse<ContainmentBlockKind>(reader.GetString(1)),
        Value = reader.GetString(2),
        Action = reader.GetString(3),
        IncidentId = reader.IsDBNull(4) ? null : reader.GetString(4),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        Until = reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        LiftedAt = reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        Detail = reader.IsDBNull(8) ? null : reader.GetString(8),
    };
}
