using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// Walks an audit database: sequence numbers contiguous from 1, each record's own sequence field, <c>prev_hash</c>
/// and <c>hash</c>; then every checkpoint's signature and that the record it names still has the signed hash. A
/// rewritten chain passes the first walk but not the checkpoints; records after the last checkpoint are covered by
/// the chain only (the writer adds a checkpoint at every clean shutdown).
/// </summary>
public static class AuditVerifier
{
    public static AuditVerification Verify(string databasePath, ECDsa verificationKey)
    {
        ArgumentNullException.ThrowIfNull(verificationKey);
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"There is no audit database at '{databasePath}'.");
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();

        var hashes = new Dictionary<long, byte[]>();
        var (records, chainBreak) = WalkChain(connection, hashes);
        var (checkpoints, checkpointBreak) = CheckCheckpoints(connection, hashes, verificationKey);
        var broken = new[] { chainBreak, checkpointBreak }.Where(b => b is not null).MinBy(b => b!.Value.Sequence);
        return broken is { } first
            ? new AuditVerification(false, records, checkpoints, first.Sequence, first.Reason)
            : new AuditVerification(true, records, checkpoints, null, null);
    }

    private static (long Records, (long Sequence, string Reason)? Break) WalkChain(SqliteConnection connection, Dictionary<long, byte[]> hashes)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, record, prev_hash, hash FROM audit_records ORDER BY seq";
        using var reader = command.ExecuteReader();
        var expected = 1L;
        var previous = AuditChain.Genesis;
        (long, string)? broken = null;
        while (reader.Read())
        {
            var seq = reader.GetInt64(0);
            var record = (byte[])reader.GetValue(1);
            var prevHash = (byte[])reader.GetValue(2);
            var hash = (byte[])reader.GetValue(3);
            hashes[seq] = hash;
            if (broken is not null)
            {
                continue;
            }

            if (seq != expected)
            {
                broken = (expected, seq > expected ? $"record {expected} is missing (the next one is {seq})" : $"record {seq} is out of order");
            }
            else if (SequenceIn(record) != seq)
            {
                broken = (seq, "the record's own sequence number is not its position (inserted or reordered)");
            }
            else if (!CryptographicOperations.FixedTimeEquals(prevHash, previous))
            {
                broken = (seq, "prev_hash is not the previous record's hash (a record before it was removed, inserted or reordered)");
            }
            else if (!CryptographicOperations.FixedTimeEquals(hash, AuditChain.Hash(previous, record)))
            {
                broken = (seq, "hash does not match the record's contents (modified)");
            }

            previous = hash;
            expected++;
        }

        return (hashes.Count, broken);
    }

    private static (int Count, (long Sequence, string Reason)? Break) CheckCheckpoints(SqliteConnection connection, Dictionary<long, byte[]> hashes, ECDsa key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, seq, hash, signed_at_ms, signature FROM audit_checkpoints ORDER BY id";
        using var reader = command.ExecuteReader();
        var count = 0;
        (long, string)? broken = null;
        var lastSequence = 0L;
        while (reader.Read())
        {
            count++;
            var id = reader.GetInt64(0);
            var seq = reader.GetInt64(1);
            var hash = (byte[])reader.GetValue(2);
            var payload = AuditChain.CheckpointPayload(seq, hash, reader.GetInt64(3));
            (long, string)? found = null;
            if (!key.VerifyData(payload, (byte[])reader.GetValue(4), HashAlgorithmName.SHA256))
            {
                found = (seq, $"checkpoint {id} has an invalid signature");
            }
            else if (seq < lastSequence)
            {
                found = (seq, $"checkpoint {id} goes back from record {lastSequence} to {seq}");
            }
            else if (!hashes.TryGetValue(seq, out var recordHash))
            {
                found = (seq, $"record {seq}, signed by checkpoint {id}, is missing (truncated)");
            }
            else if (!CryptographicOperations.FixedTimeEquals(recordHash, hash))
            {
                found = (seq, $"record {seq} does not have the hash signed by checkpoint {id} (records up to it were rewritten)");
            }

            lastSequence = Math.Max(lastSequence, seq);
            if (found is { } f && (broken is null || f.Item1 < broken.Value.Item1))
            {
                broken = f;
            }
        }

        return (count, broken);
    }

    private static long? SequenceIn(byte[] record)
    {
        try
        {
            var reader = new Utf8JsonReader(record);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.ValueTextEquals("seq") && reader.Read() && reader.TryGetInt64(out var seq)
                ? seq
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
