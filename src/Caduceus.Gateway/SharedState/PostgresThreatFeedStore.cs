using Caduceus.Gateway.ThreatIntel;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>Each TAXII feed's position and counters in the shared PostgreSQL database, the same contract as <see cref="SqliteThreatFeedStore"/>.</summary>
internal sealed class PostgresThreatFeedStore(PostgresStateDatabase database) : IThreatFeedStore
{
    private const string Columns = "name, added_after, last_polled_at, last_error, imported, unsupported, malformed, ignored";

    public async Task<string?> AddedAfterAsync(string feed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT added_after FROM threat_feeds WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", feed);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task RecordPageAsync(string feed, string? addedAfter, StixObjectCounts counts, DateTimeOffset polledAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO threat_feeds ({Columns}) VALUES (@name, @after, @at, NULL, @imported, @unsupported, @malformed, @ignored)
            ON CONFLICT (name) DO UPDATE SET
                added_after = coalesce(excluded.added_after, threat_feeds.added_after),
                last_polled_at = excluded.last_polled_at,
                last_error = NULL,
                imported = threat_feeds.imported + excluded.imported,
                unsupported = threat_feeds.unsupported + excluded.unsupported,
                malformed = threat_feeds.malformed + excluded.malformed,
                ignored = threat_feeds.ignored + excluded.ignored
            """, connection);
        command.Parameters.AddWithValue("name", feed);
        command.Parameters.AddWithValue("after", NpgsqlTypes.NpgsqlDbType.Text, (object?)addedAfter ?? DBNull.Value);
        command.Parameters.AddWithValue("at", polledAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("imported", (long)counts.Imported);
        command.Parameters.AddWithValue("unsupported", (long)counts.Unsupported);
        command.Parameters.AddWithValue("malformed", (long)counts.Malformed);
        command.Parameters.AddWithValue("ignored", (long)counts.Ignored);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordErrorAsync(string feed, string error, DateTimeOffset polledAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            INSERT INTO threat_feeds (name, last_polled_at, last_error) VALUES (@name, @at, @error)
            ON CONFLICT (name) DO UPDATE SET last_polled_at = excluded.last_polled_at, last_error = excluded.last_error
            """, connection);
        command.Parameters.AddWithValue("name", feed);
        command.Parameters.AddWithValue("at", polledAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("error", error);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ThreatFeedState>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM threat_feeds ORDER BY name COLLATE \"C\"", connection);
        var states = new List<ThreatFeedState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            states.Add(new ThreatFeedState
            {
                Name = reader.GetString(0),
                AddedAfter = reader.IsDBNull(1) ? null : reader.GetString(1),
                LastPolledAt = reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                LastError = reader.IsDBNull(3) ? null : reader.GetString(3),
                Imported = reader.GetInt64(4),
                Unsupported = reader.GetInt64(5),
                Malformed = reader.GetInt64(6),
                Ignored = reader.GetInt64(7),
            });
        }

        return states;
    }
}
