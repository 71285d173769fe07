using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Caduceus.TestModel.Protocol;

/// <summary>
/// Reads an OpenAI chat completion request body. Lenient where OpenAI clients differ (content as a string or
/// an array of parts, fields this model ignores such as tools or temperature), strict where a real server is
/// (missing or mistyped <c>messages</c>, <c>model</c>, <c>stream</c>).
/// </summary>
internal static class ChatRequestParser
{
    public static bool TryParse(
        JsonElement root,
        [NotNullWhen(true)] out ChatRequest? request,
        [NotNullWhen(false)] out OpenAiError? error)
    {
        request = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = OpenAiError.InvalidRequest("The request body must be a JSON object.", null, "invalid_type");
            return false;
        }

        if (!TryReadModel(root, out var model, out error)
            || !TryReadMessages(root, out var messages, out error)
            || !TryReadStream(root, out var stream, out var includeUsage, out error))
        {
            return false;
        }

        request = new ChatRequest(model, messages, stream, includeUsage) { ToolNames = ReadToolNames(root) };
        return true;
    }

    private static bool TryReadModel(JsonElement root, out string model, [NotNullWhen(false)] out OpenAiError? error)
    {
        model = ChatRequest.DefaultModel;
        error = null;
        if (!root.TryGetProperty("model", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            error = InvalidType("model", "a string");
            return false;
        }

        var name = value.GetString();
        model = string.IsNullOrEmpty(name) ? model : name;
        return true;
    }

    private static bool TryReadMessages(JsonElement root, out ChatRequestMessage[] messages, [NotNullWhen(false)] out OpenAiError? error)
    {
        messages = [];
        error = null;
        if (!root.TryGetProperty("messages", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            error = OpenAiError.InvalidRequest("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
            return false;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            error = InvalidType("messages", "an array");
            return false;
        }

        if (array.GetArrayLength() == 0)
        {
            error = OpenAiError.InvalidRequest("'messages' must contain at least one message.", "messages", "empty_array");
            return false;
        }

        messages = new ChatRequestMessage[array.GetArrayLength()];
        var index = 0;
        foreach (var message in array.EnumerateArray())
        {
            var at = $"messages[{index}]";
            if (message.ValueKind != JsonValueKind.Object)
            {
                error = InvalidType(at, "an object");
                return false;
            }

            if (!message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
            {
                error = OpenAiError.InvalidRequest($"Missing required parameter: '{at}.role'.", $"{at}.role", "missing_required_parameter");
                return false;
            }

            if (!TryReadText(message, at, out var text, out error))
            {
                return false;
            }

            messages[index++] = new ChatRequestMessage(role.GetString()!, text);
        }

        return true;
    }

    private static bool TryReadText(JsonElement message, string at, out string text, [NotNullWhen(false)] out OpenAiError? error)
    {
        text = "";
        error = null;
        if (!message.TryGetProperty("content", out var content))
        {
            return true;
        }

        switch (content.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                text = content.GetString()!;
                return true;
            case JsonValueKind.Array:
                // Only text parts carry text; image, audio and file parts are accepted and ignored.
                var builder = new StringBuilder();
                foreach (var part in content.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object
                        && part.TryGetProperty("type", out var type) && type.ValueEquals("text")
                        && part.TryGetProperty("text", out var partText) && partText.ValueKind == JsonValueKind.String)
                    {
                        builder.Append(partText.GetString());
                    }
                }

                text = builder.ToString();
                return true;
            default:
                error = InvalidType($"{at}.content", "a string or an array of content parts");
                return false;
        }
    }

    private static bool TryReadStream(JsonElement root, out bool stream, out bool includeUsage, [NotNullWhen(false)] out OpenAiError? error)
    {
        stream = false;
        includeUsage = false;
        error = null;
        if (root.TryGetProperty("stream", out var value) && value.ValueKind != JsonValueKind.Null)
        {
            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                error = InvalidType("stream", "a boolean");
                return false;
            }

            stream = value.GetBoolean();
        }

        if (!root.TryGetProperty("stream_options", out var options) || options.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (options.ValueKind != JsonValueKind.Object)
        {
            error = InvalidType("stream_options", "an object");
            return false;
        }

        if (options.TryGetProperty("include_usage", out var usage) && usage.ValueKind != JsonValueKind.Null)
        {
            if (usage.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                error = InvalidType("stream_options.include_usage", "a boolean");
                return false;
            }

            includeUsage = usage.GetBoolean();
        }

        return true;
    }

    // Lenient like the rest of what this model ignores: a malformed entry is skipped, not refused.
    private static string[] ReadToolNames(JsonElement root)
    {
        var names = new List<string>();
        if (root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array)
        {
            foreach (var tool in tools.EnumerateArray())
            {
                if (tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("function", out var function))
                {
                    AddName(function, names);
                }
            }
        }

        if (root.TryGetProperty("functions", out var functions) && functions.ValueKind == JsonValueKind.Array)
        {
            foreach (var function in functions.EnumerateArray())
            {
                AddName(function, names);
            }
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static void AddName(JsonElement function, List<string> names)
    {
        if (function.ValueKind == JsonValueKind.Object
            && function.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(name.GetString()))
        {
            names.Add(name.GetString()!);
        }
    }

    private static OpenAiError InvalidType(string param, string expected) =>
        OpenAiError.InvalidRequest($"Invalid type for '{param}': expected {expected}.", param, "invalid_type");
}
