using System.Text.Json;

namespace Caduceus.TestModel.Tests;

/// <summary>Splits a <c>text/event-stream</c> body into its data payloads, asserting OpenAI's exact framing on the way.</summary>
internal static class SseBody
{
    /// <summary>The JSON chunks of the stream, after checking every event is one <c>data: </c> line plus a blank line and the last is <c>[DONE]</c>.</summary>
    public static IReadOnlyList<JsonElement> Chunks(string body)
    {
        Assert.EndsWith("data: [DONE]\n\n", body, StringComparison.Ordinal);
        var events = body.Split("\n\n");
        Assert.Equal("", events[^1]);

        var chunks = new List<JsonElement>();
        foreach (var @event in events[..^2])
        {
            Assert.StartsWith("data: ", @event, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', @event);
            Assert.DoesNotContain('\r', @event);
            chunks.Add(JsonDocument.Parse(@event["data: ".Length..]).RootElement.Clone());
        }

        return chunks;
    }

    /// <summary>The <c>delta</c> of a chunk's only choice.</summary>
    public static JsonElement Delta(JsonElement chunk) => Assert.Single(chunk.GetProperty("choices").EnumerateArray()).GetProperty("delta");

    /// <summary>The text of all content deltas, in order, skipping the empty one in the role chunk.</summary>
    public static IReadOnlyList<string> ContentDeltas(IEnumerable<JsonElement> chunks) =>
        [.. chunks
            .Where(c => c.GetProperty("choices").GetArrayLength() == 1)
            .Select(Delta)
            .Where(d => d.TryGetProperty("content", out var content) && content.GetString() is { Length: > 0 })
            .Select(d => d.GetProperty("content").GetString()!)];
}
