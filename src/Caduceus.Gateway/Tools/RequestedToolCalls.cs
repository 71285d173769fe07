using System.Text.Json;
using System.Text.Json.Nodes;

namespace Caduceus.Gateway.Tools;

/// <summary>Reads a tool call out of the answer JSON (<c>{"name": ..., "arguments": "..."}</c>).</summary>
internal static class RequestedToolCalls
{
    public static RequestedToolCall From(JsonNode? function) =>
        new(Text(function?["name"]), Text(function?["arguments"]) ?? (function?["arguments"] is JsonObject inline ? inline.ToJsonString() : null));

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
