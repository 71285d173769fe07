using System.Text.Json;

namespace Caduceus.Bench;

/// <summary>The one-user-message chat request the micro-benchmarks and the load test send, as UTF-8 JSON.</summary>
internal static class ChatRequestBodies
{
    public static byte[] UserMessage(string content, bool stream)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", "caduceus-test-model");
            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteString("content", content);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteBoolean("stream", stream);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
