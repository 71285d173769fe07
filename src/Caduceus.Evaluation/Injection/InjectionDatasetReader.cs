using System.Text.Json;
using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Injection;

/// <summary>
/// Reads injection data: one JSON object a line, <c>{"text": str, "label": "benign"|"injection"|"jailbreak", ...}</c>.
/// Other fields are ignored. The first bad line stops the read with a <see cref="DatasetFormatException"/> naming the
/// file and line (never quoting the text).
/// </summary>
public static class InjectionDatasetReader
{
    /// <exception cref="DatasetFormatException">The file is missing, or a line is not a valid document.</exception>
    public static IReadOnlyList<InjectionDocument> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{path}: the file does not exist");
        }

        var documents = new List<InjectionDocument>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                documents.Add(Parse(line, name, lineNumber));
            }
        }

        return documents;
    }

    private static InjectionDocument Parse(string line, string file, int lineNumber)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            throw new DatasetFormatException(file, lineNumber, "not valid JSON");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetFormatException(file, lineNumber, "not a JSON object");
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new DatasetFormatException(file, lineNumber, "'text' is missing or not a string");
            }

            if (!root.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.String || !InjectionDocument.Labels.Contains(label.GetString()))
            {
                throw new DatasetFormatException(file, lineNumber, "'label' must be \"benign\", \"injection\" or \"jailbreak\"");
            }

            return new InjectionDocument($"{file}#{lineNumber}", file, lineNumber, text.GetString()!, label.GetString()!);
        }
    }
}
