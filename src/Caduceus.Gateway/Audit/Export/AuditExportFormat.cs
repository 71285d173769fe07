namespace Caduceus.Gateway.Audit.Export;

/// <summary>How <see cref="AuditExport"/> writes records: one line each, either way.</summary>
public enum AuditExportFormat
{
    /// <summary>JSON lines with the sequence number, hashes and canonical record, so the chain can be re-verified.</summary>
    Jsonl,

    /// <summary>FHIR R4 <c>AuditEvent</c> resources as NDJSON, as FHIR Bulk Data does.</summary>
    Fhir,
}
