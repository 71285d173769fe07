using System.Security.Cryptography;
using System.Text.Json;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// Walks a stored audit trail: sequence numbers contiguous, each record's own sequence field, <c>prev_hash</c> and
/// <c>hash</c>; then every checkpoint's signature and that the record it names still has the signed hash. A
/// rewritten chain passes the first walk but not the checkpoints; records after the last checkpoint are covered by
/// the chain only (the writer adds a checkpoint at every clean shutdown). A chain may start after record 1 only where
/// a retention purge left it: at a validly signed checkpoint that carries the first record's <c>prev_hash</c>.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(IAuditReader reader, ECDsa verificationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(verificationKey);

        // Checkpoints first: each names a record committed before it, so the records read next include it.
        var checkpoints = new List<StoredAuditCheckpoint>();
        await foreach (var checkpoint in reader.ReadCheckpointsAsync(cancellationToken).ConfigureAwait(false))
        {
            checkpoints.Add(checkpoint);
        }

        var walk = new ChainWalk(checkpoints, verificationKey);
        await foreach (var record in reader.ReadAsync(0, cancellationToken).ConfigureAwait(false))
        {
            walk.Add(record);
        }

        var checkpointBreak = CheckCheckpoints(checkpoints, walk, verificationKey);
        var broken = new[] { walk.Break, checkpointBreak }.Where(b => b is not null).MinBy(b => b!.Value.Sequence);
        return broken is { } first
            ? new AuditVerification(false, walk.Records, checkpoints.Count, first.Sequence, first.Reason)
            : new AuditVerification(true, walk.Records, checkpoints.Count, null, null);
    }

    private static (long Sequence, string Reason)? CheckCheckpoints(List<StoredAuditCheckpoint> checkpoints, ChainWalk walk, ECDsa key)
    {
        (long Sequence, string Reason)? broken = null;
        var lastSequence = 0L;
        foreach (var checkpoint in checkpoints)
        {
            var (id, seq) = (checkpoint.Id, checkpoint.Sequence);
            (long, string)? found = null;
            if (!IsSigned(checkpoint, key))
            {
                found = (seq, $"checkpoint {id} has an invalid signature");
            }
            else if (seq < lastSequence)
            {
                found = (seq, $"checkpoint {id} goes back from record {lastSequence} to {seq}");
            }
            else if (seq < walk.FirstSequence - 1)
            {
                // Signed before the retained chain begins: its records were purged.
            }
            else if (!walk.Hashes.TryGetValue(seq, out var recordHash))
            {
                found = (seq, $"record {seq}, signed by checkpoint {id}, is missing (truncated)");
            }
            else if (!CryptographicOperations.FixedTimeEquals(recordHash, checkpoint.Hash))
            {
                found = (seq, $"record {seq} does not have the hash signed by checkpoint {id} (records up to it were rewritten)");
            }

            lastSequence = Math.Max(lastSequence, seq);
            if (found is { } f && (broken is null || f.Item1 < broken.Value.Sequence))
            {
                broken = f;
            }
        }

        return broken;
    }

    private static bool IsSigned(StoredAuditCheckpoint checkpoint, ECDsa key) =>
        key.VerifyData(AuditChain.CheckpointPayload(checkpoint.Sequence, checkpoint.Hash, checkpoint.SignedAtMs), checkpoint.Signature, HashAlgorithmName.SHA256);

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

    /// <summary>The walk along the records; remembers every hash for the checkpoint checks.</summary>
    private sealed class ChainWalk(List<StoredAuditCheckpoint> checkpoints, ECDsa key)
    {
        private long _expected = 1;
        private byte[] _previous = AuditChain.Genesis;

        public Dictionary<long, byte[]> Hashes { get; } = [];

        public long Records { get; private set; }

        /// <summary>The first stored record's sequence (1 unless purged); 1 for an empty chain.</summary>
        public long FirstSequence { get; private set; } = 1;

        public (long Sequence, string Reason)? Break { get; private set; }

        public void Add(StoredAuditRecord record)
        {
            var seq = record.Sequence;
            if (Records++ == 0)
            {
                Start(record);
            }

            Hashes[seq] = record.Hash;
            if (Break is not null)
            {
                return;
            }

            if (seq != _expected)
            {
                Break = (_expected, seq > _expected ? $"record {_expected} is missing (the next one is {seq})" : $"record {seq} is out of order");
            }
            else if (SequenceIn(record.CanonicalJson) != seq)
            {
                Break = (seq, "the record's own sequence number is not its position (inserted or reordered)");
            }
            else if (!CryptographicOperations.FixedTimeEquals(record.PreviousHash, _previous))
            {
                Break = (seq, "prev_hash is not the previous record's hash (a record before it was removed, inserted or reordered)");
            }
            else if (!CryptographicOperations.FixedTimeEquals(record.Hash, AuditChain.Hash(_previous, record.CanonicalJson)))
            {
                Break = (seq, "hash does not match the record's contents (modified)");
            }

            _previous = record.Hash;
            _expected++;
        }

        private void Start(StoredAuditRecord first)
        {
            FirstSequence = first.Sequence;
            if (first.Sequence <= 1)
            {
                return;
            }

            // A retention purge keeps the checkpoint at the last purged record; it vouches for the first prev_hash.
            var anchor = first.Sequence - 1;
            if (checkpoints.Any(c => c.Sequence == anchor && CryptographicOperations.FixedTimeEquals(c.Hash, first.PreviousHash) && IsSigned(c, key)))
            {
                Hashes[anchor] = first.PreviousHash;
                _expected = first.Sequence;
                _previous = first.PreviousHash;
            }
            else
            {
                FirstSequence = 1;
                Break = (1, anchor == 1
                    ? "record 1 is missing and no signed checkpoint at record 1 vouches for a retention purge"
                    : $"records 1 to {anchor} are missing and no signed checkpoint at record {anchor} vouches for a retention purge");
            }
        }
    }
}
