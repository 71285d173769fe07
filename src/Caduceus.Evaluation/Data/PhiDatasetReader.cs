using System.Text.Json;
using Caduceus.Detection;

namespace Caduceus.Evaluation.Data;

/// <summary>
/// Reads evaluation files: one JSON object a line, <c>{"text": str, "spans": [{"start", "end", "type"}], "source": str}</c>,
/// offsets in Unicode code points, end-exclusive. Spans come back in UTF-16 indices. Every line is checked; the first
/// problem stops the read with a <see cref="DatasetFormatException"/> naming the file and line.
/// </summary>
public static class PhiDatasetReader
{
    private static readonly HashSet<string> KnownTypes = [.. EntityTypes.Phi];

    /// <summary>Every document of <paramref name="path"/>, in file order. Blank lines are skipped.</summary>
    /// <exception cref="DatasetFormatException">The file is missing, or a line is not a valid document.</exception>
    public static IReadOnlyList<PhiDocument> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{path}: the file does not exist");
        }

        var documents = new List<PhiDocument>();
        var lineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var document = Parse(line, name, lineNumber);
            if (!lineOfId.TryAdd(document.Id, lineNumber))
            {
                throw new DatasetFormatException(name, lineNumber, $"source '{document.Id}' already appears on line {lineOfId[document.Id]}");
            }

            documents.Add(document);
        }

        return documents;
    }

    /// <summary>Parses one line of a data file.</summary>
    /// <exception cref="DatasetFormatException">The line is not a valid document.</exception>
    public static PhiDocument Parse(string line, string file, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(file);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            // The parser's message can quote the offending characters; report only where it failed.
            throw new DatasetFormatException(file, lineNumber, $"not valid JSON (byte {exception.BytePositionInLine ?? 0})");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetFormatException(file, lineNumber, "not a JSON object");
            }

            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                throw new DatasetFormatException(file, lineNumber, "no string field 'text'");
            }

            var text = textElement.GetString()!;
            var id = $"{file}#{lineNumber}";
            if (root.TryGetProperty("source", out var sourceElement) && sourceElement.ValueKind != JsonValueKind.Null)
            {
                if (sourceElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(sourceElement.GetString()))
                {
                    throw new DatasetFormatException(file, lineNumber, "field 'source' is not a non-empty string");
                }

                id = sourceElement.GetString()!;
            }

            if (!root.TryGetProperty("spans", out var spansElement) || spansElement.ValueKind != JsonValueKind.Array)
            {
                throw new DatasetFormatException(file, lineNumber, "no array field 'spans'");
            }

            return new PhiDocument(id, file, lineNumber, text, ReadSpans(spansElement, text, file, lineNumber));
        }
    }

    private static GoldSpan[] ReadSpans(JsonElement spansElement, string text, string file, int lineNumber)
    {
        var offsets = new CodePointOffsets(text);
        var spans = new GoldSpan[spansElement.GetArrayLength()];
        var index = 0;
        foreach (var span in spansElement.EnumerateArray())
        {
            var which = $"span {index + 1}";
            if (span.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetFormatException(file, lineNumber, $"{which} is not an object");
            }

            var start = ReadOffset(span, "start", which, file, lineNumber);
            var end = ReadOffset(span, "end", which, file, lineNumber);
            if (!span.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                throw new DatasetFormatException(file, lineNumber, $"{which} has no string 'type'");
            }

            var type = typeElement.GetString()!;
            if (!KnownTypes.Contains(type))
            {
                throw new DatasetFormatException(file, lineNumber, $"{which} has type '{type}', which is not a PHI entity type ({string.Join(", ", EntityTypes.Phi)})");
            }

            if (start >= end)
            {
                throw new DatasetFormatException(file, lineNumber, $"{which} is empty or reversed (start {start}, end {end})");
            }

            if (!offsets.TryToUtf16(start, out var utf16Start) || !offsets.TryToUtf16(end, out var utf16End))
            {
                throw new DatasetFormatException(file, lineNumber, $"{which} (start {start}, end {end}) is out of range: the text has {offsets.CodePointLength} code points");
            }

            spans[index++] = new GoldSpan(utf16Start, utf16End, type);
        }

        Array.Sort(spans, static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return spans;
    }

    private static int ReadOffset(JsonElement span, string name, string which, string file, int lineNumber)
    {
        if (!span.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            throw new DatasetFormatException(file, lineNumber, $"{which} has no integer '{name}'");
        }

        if (value < 0)
        {
            throw new DatasetFormatException(file, lineNumber, $"{which} has a negative '{name}'");
        }

        return value;
    }
}
