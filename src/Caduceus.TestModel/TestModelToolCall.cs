using System.Text.Json.Nodes;

namespace Caduceus.TestModel;

/// <summary>A function call the scripted model makes, as in the OpenAI <c>tool_calls</c> array.</summary>
public sealed class TestModelToolCall
{
    /// <summary>The function name. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The call's arguments: a JSON object (sent as its compact JSON text) or a string (sent verbatim,
    /// so a script can simulate malformed arguments). Null sends <c>{}</c>.
    /// String values may hold placeholders; they are JSON-escaped when filled in.
    /// </summary>
    public JsonNode? Arguments { get; set; }

    /// <summary>The tool call id; a random <c>call_…</c> id when not set.</summary>
    public string? Id { get; set; }
}
