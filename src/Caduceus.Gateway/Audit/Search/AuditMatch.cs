namespace Caduceus.Gateway.Audit.Search;

/// <summary>A record a search found: as stored (sequence, canonical bytes, hashes) and parsed.</summary>
public sealed record AuditMatch(StoredAuditRecord Stored, AuditRecord Record);
