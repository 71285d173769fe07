using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Caduceus.Gateway.Tools;

/// <summary>
/// The tool calls of one streamed choice, put together from their pieces (a call's name, then its arguments a few
/// characters at a time) and taken out of the chunks as they pass, so that none reaches the client before the whole
/// call was checked.
/// </summary>
internal sealed class StreamedToolCalls
{
    private readonly SortedDictionary<int, Call> _calls = [];

    public bool IsEmpty => _calls.Count == 0;

    public IReadOnlyList<RequestedToolCall> Requested => [.. _calls.Values.Select(c => new RequestedToolCall(c.Name.Length == 0 ? null : c.Name.ToString(), c.Arguments.ToString()))];

    /// <summary>Moves the tool call pieces of <paramref name="delta"/> (and a legacy <c>function_call</c>) in here.</summary>
    public void Take(JsonObject delta)
    {
        if (delta["tool_calls"] is JsonArray pieces)
        {
            foreach (var piece in pieces)
            {
                var index = piece?["index"] is JsonValue value && value.TryGetValue<int>(out var i) ? i : 0;
                Add(index, piece?["id"], piece?["function"]);
            }

            delta.Remove("tool_calls");
        }

        if (delta["function_call"] is JsonObject functionCall)
        {
            Add(-1, null, functionCall);
            delta.Remove("function_call");
        }
    }

    /// <summary>The whole calls, in the shape of one <c>tool_calls</c> delta; afterwards this is empty.</summary>
    public JsonArray Release()
    {
        var released = new JsonArray();
        foreach (var (index, call) in _calls)
        {
            released.Add(new JsonObject
            {
                ["index"] = Math.Max(0, index),
                ["id"] = call.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name.ToString(), ["arguments"] = call.Arguments.ToString() },
            });
        }

        _calls.Clear();
        return released;
    }

    private void Add(int index, JsonNode? id, JsonNode? function)
    {
        if (!_calls.TryGetValue(index, out var call))
        {
            call = new Call();
            _calls[index] = call;
        }

        call.Id ??= RequestedToolCalls.Text(id);
        call.Name.Append(RequestedToolCalls.Text(function?["name"]));
        call.Arguments.Append(RequestedToolCalls.Text(function?["arguments"]));
    }


    private sealed class Call
    {
        public string? Id { get; set; }

        public StringBuilder Name { get; } = new();

        public StringBuilder Arguments { get; } = new();
    }
}
