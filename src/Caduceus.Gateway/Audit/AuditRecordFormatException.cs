namespace Caduceus.Gateway.Audit;

/// <summary>
/// A stored record is not the canonical JSON the gateway writes. The message names the sequence number and the
/// property, never a value.
/// </summary>
public sealed class AuditRecordFormatException : Exception
{
    public AuditRecordFormatException()
    {
    }

    public AuditRecordFormatException(string message)
        : base(message)
    {
    }

    public AuditRecordFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AuditRecordFormatException(long sequence, string problem, Exception? innerException = null)
        : base($"audit record {sequence} is not a canonical record: {problem}", innerException)
    {
        Sequence = sequence;
    }

    public long? Sequence { get; }
}
