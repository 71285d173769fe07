using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.Audit;

/// <summary>The hash chain and checkpoint signature formats, shared by the writer and the verifier.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first record.</summary>
    public static byte[] Genesis { get; } = new byte[SHA256.HashSizeInBytes];

    /// <summary>SHA-256 over the previous hash and the record's canonical JSON.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> canonicalRecord)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previousHash);
        sha.AppendData(canonicalRecord);
        return sha.GetHashAndReset();
    }

    /// <summary>The bytes a checkpoint signs: a domain label, the sequence number, the record hash there and the time.</summary>
    public static byte[] CheckpointPayload(long sequence, ReadOnlySpan<byte> hash, long unixMilliseconds)
    {
        var label = Encoding.ASCII.GetBytes("caduceus-audit-checkpoint-v1");
        var payload = new byte[label.Length + 8 + hash.Length + 8];
        label.CopyTo(payload, 0);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(label.Length), sequence);
        hash.CopyTo(payload.AsSpan(label.Length + 8));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(label.Length + 8 + hash.Length), unixMilliseconds);
        return payload;
    }
}
