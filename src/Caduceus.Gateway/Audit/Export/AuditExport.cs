using System.Text.Encodings.Web;
using System.Text.Json;
using Caduceus.Gateway.Audit.Search;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Caduceus.Gateway.Audit.Export;

/// <summary>Writes the records a query selects to a stream, one line each, oldest first.</summary>
public static class AuditExport
{
    private static readonly BaseFhirJsonSerializer FhirSerializer = new(ModelInfo.ModelInspector);

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    // The lines go to files and pipes, never into HTML, so '+', '<' and the like need no escaping; JSON-level
    // escaping (quotes, control characters) still applies.
    private static readonly JsonWriterOptions LineOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns how many records were written.</summary>
    /// <exception cref="AuditRecordFormatException">A stored record is not canonical JSON (named by sequence).</exception>
    public static async Task<long> WriteAsync(IAuditReader reader, AuditQuery query, AuditExportFormat format, Stream output, string gatewayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        long written = 0;
        await using var json = new Utf8JsonWriter(output, LineOptions);
        await foreach (var match in AuditSearch.FindAsync(reader, query, cancellationToken).ConfigureAwait(false))
        {
            if (format == AuditExportFormat.Fhir)
            {
                FhirSerializer.Serialize(AuditEventMapping.ToAuditEvent(match, gatewayName), json);
            }
            else
            {
                AuditJsonLine.Write(json, match.Stored);
            }

            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            json.Reset();
            await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
            written++;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }
}
