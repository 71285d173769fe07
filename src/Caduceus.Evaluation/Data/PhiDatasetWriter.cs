using System.Text.Encodings.Web;
using System.Text.Json;

namespace Caduceus.Evaluation.Data;

/// <summary>Writes documents in the evaluation file format (one JSON object a line, code point offsets).</summary>
public static class PhiDatasetWriter
{
    // Non-ASCII letters stay readable in the file; the output is a data file, never HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="document"/> as one line of <paramref name="output"/>, with an optional <c>kind</c> field.</summary>
    public static void WriteLine(Stream output, PhiDocument document, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);
        var offsets = new CodePointOffsets(document.Text);
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteString("text", document.Text);
            json.WriteStartArray("spans");
            foreach (var span in document.Spans)
            {
                if (!offsets.TryToCodePoint(span.Start, out var start) || !offsets.TryToCodePoint(span.End, out var end))
                {
                    throw new ArgumentException($"Document '{document.Id}' has a span that is out of range or splits a surrogate pair.", nameof(document));
                }

                json.WriteStartObject();
                json.WriteNumber("start", start);
                json.WriteNumber("end", end);
                json.WriteString("type", span.Type);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("source", document.Id);
            if (kind is not null)
            {
                json.WriteString("kind", kind);
            }

            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
