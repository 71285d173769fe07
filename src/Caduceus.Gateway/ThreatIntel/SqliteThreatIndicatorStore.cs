using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>Attack indicators in the gateway database (table <c>threat_indicators</c>, times in Unix milliseconds).</summary>
internal sealed class SqliteThreatIndicatorStore(GatewayDatabase database) : IThreatIndicatorStore
{
    private const string Columns = "kind, value, origin, first_seen, last_seen, seen_count, confidence, signatures, valid_until";

    public async Task RecordSightingAsync(ThreatSighting sighting, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO threat_indicators ({Columns}) VALUES ($kind, $value, $origin, $time, $time, 1, 50, $signatures, NULL)
            ON CONFLICT (kind, value, origin) DO UPDATE SET
                last_seen = max(last_seen, excluded.last_seen),
                seen_count = seen_count + 1,
                confidence = min(95, confidence + 10),
                signatures = coalesce(excluded.signatures, signatures)
            """;
        command.Parameters.AddWithValue("$kind", sighting.Kind.ToString());
        command.Parameters.AddWithValue("$value", sighting.Value);
        command.Parameters.AddWithValue("$origin", ThreatIndicatorOrigins.Local);
        command.Parameters.AddWithValue("$time", sighting.Time.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$signatures", (object?)sighting.Signatures ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ImportAsync(ThreatIndicatorKind kind, string value, string origin, int confidence, DateTimeOffset validUntil, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        bool wasActive;
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT valid_until FROM threat_indicators WHERE kind = $kind AND value = $value AND origin = $origin";
            AddKey(select, kind, value, origin);
            wasActive = await select.ExecuteScalarAsync(cancellationToken) is long until && until > now.ToUnixTimeMilliseconds();
        }

        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = $"""
                INSERT INTO threat_indicators ({Columns}) VALUES ($kind, $value, $origin, $now, $now, 1, $confidence, NULL, $until)
                ON CONFLICT (kind, value, origin) DO UPDATE SET
                    last_seen = excluded.last_seen,
                    seen_count = seen_count + 1,
                    confidence = excluded.confidence,
                    valid_until = max(coalesce(valid_until, 0), excluded.valid_until)
                """;
            AddKey(upsert, kind, value, origin);
            upsert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            upsert.Parameters.AddWithValue("$confidence", confidence);
            upsert.Parameters.AddWithValue("$until", validUntil.ToUnixTimeMilliseconds());
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return wasActive;
    }

    public async Task<IReadOnlyList<ThreatIndicator>> LocalAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM threat_indicators WHERE origin = $origin AND last_seen >= $since ORDER BY first_seen, kind, value";
        command.Parameters.AddWithValue("$origin", ThreatIndicatorOrigins.Local);
        command.Parameters.AddWithValue("$since", since?.ToUnixTimeMilliseconds() ?? long.MinValue);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ThreatIndicator>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM threat_indicators ORDER BY first_seen, kind, value";
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> ImportedPayloadHashesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM threat_indicators WHERE kind = $kind AND origin LIKE 'taxii:%' AND valid_until > $now";
        command.Parameters.AddWithValue("$kind", nameof(ThreatIndicatorKind.AttackPayload));
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes.Add(reader.GetString(0));
        }

        return hashes;
    }

    private static void AddKey(SqliteCommand command, ThreatIndicatorKind kind, string value, string origin)
    {
        command.Parameters.AddWithValue("$kind", kind.ToString());
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$origin", origin);
    }

    private static async Task<IReadOnlyList<ThreatIndicator>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var indicators = new List<ThreatIndicator>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
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
