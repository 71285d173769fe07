using Caduceus.Gateway.ThreatIntel;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Attack indicators in the shared PostgreSQL database, the same contract as <see cref="SqliteThreatIndicatorStore"/>
/// (times in Unix milliseconds). An import locks the indicator's row, so of two instances importing the same
/// indicator together exactly one finds it not yet in force and places its block.
/// </summary>
internal sealed class PostgresThreatIndicatorStore(PostgresStateDatabase database) : IThreatIndicatorStore
{
    private const string Columns = "kind, value, origin, first_seen, last_seen, seen_count, confidence, signatures, valid_until";
    private const string SameIndicator = "kind = @kind AND value = @value AND origin = @origin";

    public async Task RecordSightingAsync(ThreatSighting sighting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO threat_indicators ({Columns}) VALUES (@kind, @value, @origin, @time, @time, 1, 50, @signatures, NULL)
            ON CONFLICT (kind, value, origin) DO UPDATE SET
                last_seen = greatest(threat_indicators.last_seen, excluded.last_seen),
                seen_count = threat_indicators.seen_count + 1,
                confidence = least(95, threat_indicators.confidence + 10),
                signatures = coalesce(excluded.signatures, threat_indicators.signatures)
            """, connection);
        AddKey(command, sighting.Kind, sighting.Value, ThreatIndicatorOrigins.Local);
        command.Parameters.AddWithValue("time", sighting.Time.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("signatures", (object?)sighting.Signatures ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ImportAsync(
        ThreatIndicatorKind kind, string value, string origin, int confidence, DateTimeOffset validUntil, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // A concurrent insert of the same key makes this one wait for it, then do nothing: the row is then there to lock.
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO threat_indicators ({Columns}) VALUES (@kind, @value, @origin, @now, @now, 1, @confidence, NULL, @until)
            ON CONFLICT (kind, value, origin) DO NOTHING
            RETURNING 1
            """, connection, transaction))
        {
            AddKey(insert, kind, value, origin);
            insert.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("confidence", confidence);
            insert.Parameters.AddWithValue("until", validUntil.ToUnixTimeMilliseconds());
            if (await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        bool wasActive;
        await using (var select = new NpgsqlCommand($"SELECT valid_until FROM threat_indicators WHERE {SameIndicator} FOR UPDATE", connection, transaction))
        {
            AddKey(select, kind, value, origin);
            wasActive = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long until && until > now.ToUnixTimeMilliseconds();
        }

        await using (var update = new NpgsqlCommand($"""
            UPDATE threat_indicators SET
                last_seen = @now,
                seen_count = seen_count + 1,
                confidence = @confidence,
                valid_until = greatest(coalesce(valid_until, 0), @until)
            WHERE {SameIndicator}
            """, connection, transaction))
        {
            AddKey(update, kind, value, origin);
            update.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("confidence", confidence);
            update.Parameters.AddWithValue("until", validUntil.ToUnixTimeMilliseconds());
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return wasActive;
    }

    public async Task<IReadOnlyList<ThreatIndicator>> LocalAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM threat_indicators WHERE origin = @origin AND last_seen >= @since ORDER BY first_seen, kind, value COLLATE \"C\"", connection);
        command.Parameters.AddWithValue("origin", ThreatIndicatorOrigins.Local);
        command.Parameters.AddWithValue("since", since?.ToUnixTimeMilliseconds() ?? long.MinValue);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ThreatIndicator>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM threat_indicators ORDER BY first_seen, kind, value COLLATE \"C\"", connection);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<string>> ImportedPayloadHashesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT value FROM threat_indicators WHERE kind = @kind AND origin LIKE 'taxii:%' AND valid_until > @now", connection);
        command.Parameters.AddWithValue("kind", nameof(ThreatIndicatorKind.AttackPayload));
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hashes.Add(reader.GetString(0));
        }

        return hashes;
    }

    private static void AddKey(NpgsqlCommand command, ThreatIndicatorKind kind, string value, string origin)
    {
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.AddWithValue("value", value);
        command.Parameters.AddWithValue("origin", origin);
    }

    private static async Task<IReadOnlyList<ThreatIndicator>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var indicators = new List<ThreatIndicator>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            indicators.Add(new ThreatIndicator
            {
                Kind = Enum.Parse<ThreatIndicatorKind>(reader.GetString(0)),
                Value = reader.GetString(1),
                Origin = reader.GetString(2),
                FirstSeen = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                LastSeen = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                Count = reader.GetInt64(5),
                Confidence = reader.GetInt32(6),
                Signatures = reader.IsDBNull(7) ? null : reader.GetString(7),
                ValidUntil = reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
            });
        }

        return indicators;
    }
}
