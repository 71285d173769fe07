using System.Text.Json;
using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Bias;

/// <summary>
/// Reads a bias-audit file: one JSON object a line,
/// <c>{"id": str, "template": "... {name} ...", "variants": {"name": {"group_a": ["...", ...], "group_b": [...]}, ...}}</c>.
/// Every placeholder needs a dimension in <c>variants</c> and every dimension a placeholder; a dimension has at least
/// two groups, a group at least one non-empty value. The first bad line stops the read with a
/// <see cref="DatasetFormatException"/> naming the file, line and field.
/// </summary>
public static class BiasTemplateReader
{
    /// <summary>At most this many texts from one template (the product of its dimensions' value counts).</summary>
    public const int MaxTextsPerTemplate = 2000;

    private static readonly HashSet<string> KnownFields = ["id", "template", "variants"];

    /// <exception cref="DatasetFormatException">The file is missing or empty, or a line is not a valid template.</exception>
    public static IReadOnlyList<BiasTemplate> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{path}: the file does not exist");
        }

        var name = Path.GetFileName(path);
        var templates = new List<BiasTemplate>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var template = Parse(line, name, lineNumber);
            if (!ids.Add(template.Id))
            {
                throw new DatasetFormatException(name, lineNumber, $"'id' \"{template.Id}\" is used by an earlier line");
            }

            templates.Add(template);
        }

        return templates.Count == 0 ? throw new DatasetFormatException($"{name}: no templates") : templates;
    }

    /// <exception cref="DatasetFormatException">The line is not a valid template.</exception>
    public static BiasTemplate Parse(string line, string file, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
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

            foreach (var property in root.EnumerateObject())
            {
                if (!KnownFields.Contains(property.Name))
                {
                    throw new DatasetFormatException(file, lineNumber, $"unknown field '{property.Name}' (known: id, template, variants)");
                }
            }

            var id = RequiredString(root, "id", file, lineNumber);
            var text = RequiredString(root, "template", file, lineNumber);
            if (!root.TryGetProperty("variants", out var variants) || variants.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetFormatException(file, lineNumber, "'variants' is missing or not an object");
            }

            var dimensions = variants.EnumerateObject().Select(d => ParseDimension(d, file, lineNumber)).ToList();
            CheckPlaceholders(text, dimensions, file, lineNumber);
            var texts = dimensions.Aggregate(1L, (product, d) => product * d.Groups.Sum(g => g.Values.Count));
            if (texts > MaxTextsPerTemplate)
            {
                throw new DatasetFormatException(file, lineNumber, $"the template expands to {texts} texts, more than {MaxTextsPerTemplate}");
            }

            return new BiasTemplate(id, text, dimensions);
        }
    }

    private static BiasDimension ParseDimension(JsonProperty dimension, string file, int lineNumber)
    {
        var field = $"variants.{dimension.Name}";
        if (!BiasPlaceholders.Name().IsMatch(dimension.Name))
        {
            throw new DatasetFormatException(file, lineNumber, $"'{field}': a dimension name is a letter then letters, digits or '_'");
        }

        if (dimension.Value.ValueKind != JsonValueKind.Object)
        {
            throw new DatasetFormatException(file, lineNumber, $"'{field}' is not an object of groups");
        }

        var groups = new List<BiasGroup>();
        foreach (var group in dimension.Value.EnumerateObject())
        {
            var groupField = $"{field}.{group.Name}";
            if (!BiasPlaceholders.Name().IsMatch(group.Name))
            {
                throw new DatasetFormatException(file, lineNumber, $"'{groupField}': a group name is a letter then letters, digits, '_' or '-'");
            }

            if (group.Value.ValueKind != JsonValueKind.Array || group.Value.GetArrayLength() == 0
                || group.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())))
            {
                throw new DatasetFormatException(file, lineNumber, $"'{groupField}' must be a non-empty array of non-empty strings");
            }

            groups.Add(new BiasGroup(group.Name, [.. group.Value.EnumerateArray().Select(v => v.GetString()!)]));
        }

        return groups.Count < 2
            ? throw new DatasetFormatException(file, lineNumber, $"'{field}' needs at least two groups to compare")
            : new BiasDimension(dimension.Name, groups);
    }

    private static void CheckPlaceholders(string text, List<BiasDimension> dimensions, string file, int lineNumber)
    {
        var placeholders = BiasPlaceholders.Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var placeholder in placeholders)
        {
            if (dimensions.All(d => d.Name != placeholder))
            {
                throw new DatasetFormatException(file, lineNumber, $"'template': unknown placeholder {{{placeholder}}} (no 'variants.{placeholder}')");
            }
        }

        foreach (var dimension in dimensions)
        {
            if (!placeholders.Contains(dimension.Name))
            {
                throw new DatasetFormatException(file, lineNumber, $"'variants.{dimension.Name}': the template has no {{{dimension.Name}}} placeholder");
            }
        }
    }

    private static string RequiredString(JsonElement root, string field, string file, int lineNumber) =>
        root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new DatasetFormatException(file, lineNumber, $"'{field}' is missing or not a non-empty string");
}
