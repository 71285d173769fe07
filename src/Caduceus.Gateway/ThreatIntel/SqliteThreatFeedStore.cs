using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>Each TAXII feed's position and counters in the gateway database (table <c>threat_feeds</c>).</summary>
internal sealed class SqliteThreatFeedStore(GatewayDatabase database) : IThreatFeedStore
{
    private const string Columns = "name, added_after, last_polled_at, last_error, imported, unsupported, malformed, ignored";

    public async Task<string?> AddedAfterAsync(string feed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT added_after FROM threat_feeds WHERE name = $name";
        command.Parameters.AddWithValue("$name", feed);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task RecordPageAsync(string feed, string? addedAfter, StixObjectCounts counts, DateTimeOffset polledAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO threat_feeds ({Columns}) VALUES ($name, $after, $at, NULL, $imported, $unsupported, $malformed, $ignored)
            ON CONFLICT (name) DO UPDATE SET
                added_after = coalesce(excluded.added_after, added_after),
                last_polled_at = excluded.last_polled_at,
                last_error = NULL,
                imported = imported + excluded.imported,
                unsupported = unsupported + excluded.unsupported,
                malformed = malformed + excluded.malformed,
                ignored = ignored + excluded.ignored
            """;
        command.Parameters.AddWithValue("$name", feed);
        command.Parameters.AddWithValue("$after", (object?)addedAfter ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", polledAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$imported", counts.Imported);
        command.Parameters.AddWithValue("$unsupported", counts.Unsupported);
        command.Parameters.AddWithValue("$malformed", counts.Malformed);
        command.Parameters.AddWithValue("$ignored", counts.Ignored);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordErrorAsync(string feed, string error, DateTimeOffset polledAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO threat_feeds (name, last_polled_at, last_error) VALUES ($name, $at, $error)
            ON CONFLICT (name) DO UPDATE SET last_polled_at = excluded.last_polled_at, last_error = excluded.last_error
            """;
        command.Parameters.AddWithValue("$name", feed);
        command.Parameters.AddWithValue("$at", polledAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$error", error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ThreatFeedState>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM threat_feeds ORDER BY name";
        var states = new List<ThreatFeedState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(Read(reader));
        }

        return states;
    }

    private static ThreatFeedState Read(SqliteDataReader reader) => new()
    {
        Name = reader.GetString(0),
        AddedAfter = reader.IsDBNull(1) ? null : reader.GetString(1),
        LastPolledAt = reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        LastError = reader.IsDBNull(3) ? null : reader.GetString(3),
        Imported = reader.GetInt64(4),
        Unsupported = reader.GetInt64(5),
        Malformed = reader.GetInt64(6),
        Ignored = reader.GetInt64(7),
    };
}
