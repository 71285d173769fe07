namespace Caduceus.Gateway.Audit;

/// <summary>The audit trail's store, keys, checkpoint cadence and retention (<c>Audit</c> section).</summary>
public sealed class AuditOptions
{
    public const string SqliteStore = "sqlite";
    public const string PostgresStore = "postgres";

    /// <summary><c>sqlite</c> (default: <c>audit.db</c> in the data directory) or <c>postgres</c> (one chain shared by several gateway instances).</summary>
    public string Store { get; set; } = SqliteStore;

    /// <summary>
    /// The Npgsql connection string when <see cref="Store"/> is <c>postgres</c>. It may hold a password: set it in the
    /// environment (<c>CADUCEUS_Audit__ConnectionString</c>), not in a file; it is never logged or echoed.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Records older than this many days are purged, up to a signed checkpoint; default 2190 (six years).</summary>
    public int RetentionDays { get; set; } = 2190;

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

    public bool UsesPostgres => string.Equals(Store, PostgresStore, StringComparison.OrdinalIgnoreCase);
}
