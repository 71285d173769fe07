using System.Text.Json;
using System.Text.Json.Nodes;

namespace Caduceus.Gateway.Tools;

/// <summary>Reads a tool call out of the answer JSON (<c>{"name": ..., "arguments": "..."}</c>).</summary>
internal static class RequestedToolCalls
{
    public static RequestedToolCall From(JsonNode? function) =>
        new(Text(function?["name"]), Text(function?["arguments"]) ?? (function?["arguments"] is JsonObject inline ? inline.ToJsonString() : null));

    /// <summary>The string value of <paramref name="node"/>, or null when it is missing or not a string.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
