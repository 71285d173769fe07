namespace Caduceus.Gateway.Audit;

/// <summary>The audit trail's keys and checkpoint cadence (<c>Audit</c> section).</summary>
public sealed class AuditOptions
{
    /// <summary>PEM file with the ECDSA P-256 private key that signs checkpoints; default <c>audit-signing.pem</c> in the data directory, generated (mode 0600) when missing.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>File with the base64 HMAC-SHA256 key for finding values; default <c>audit-finding.key</c> in the data directory, generated (mode 0600) when missing.</summary>
    public string? FindingKeyFile { get; set; }

    /// <summary>A signed checkpoint is written after this many records at the latest.</summary>
    public int CheckpointEveryRecords { get; set; } = 1000;

    /// <summary>A signed checkpoint is written this long after the last one at the latest, if records were added.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most records committed in one transaction.</summary>
    public int MaxBatch { get; set; } = 512;
}
