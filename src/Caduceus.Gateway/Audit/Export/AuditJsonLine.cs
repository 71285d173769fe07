using System.Text.Json;

namespace Caduceus.Gateway.Audit.Export;

/// <summary>
/// One exported record as a JSON line: <c>seq</c>, <c>prev_hash</c>, <c>hash</c> (lower-case hex) and <c>record</c>,
/// the canonical JSON as a string so that a receiver in any language gets back the exact bytes that were hashed and
/// can recompute <c>hash = SHA-256(prev_hash ‖ record)</c>.
/// </summary>
internal static class AuditJsonLine
{
    public static void Write(Utf8JsonWriter json, StoredAuditRecord stored)
    {
        json.WriteStartObject();
        json.WriteNumber("seq", stored.Sequence);
        json.WriteString("prev_hash", Convert.ToHexStringLower(stored.PreviousHash));
        json.WriteString("hash", Convert.ToHexStringLower(stored.Hash));
        json.WriteString("record", stored.CanonicalJson);
        json.WriteEndObject();
    }
}
