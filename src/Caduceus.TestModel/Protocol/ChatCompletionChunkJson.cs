using System.Text.Json;

namespace Caduceus.TestModel.Protocol;

/// <summary>
/// Writes the <c>chat.completion.chunk</c> objects of a stream, in the delta shapes OpenAI sends:
/// role, content, tool call start (id, type, name), tool call arguments, finish, usage.
/// </summary>
/// <param name="completion">The completion being streamed; every chunk repeats its id, created and model.</param>
/// <param name="includeUsage">When true, every chunk carries <c>"usage": null</c> and the last one the totals, as OpenAI does for <c>stream_options.include_usage</c>.</param>
internal sealed class ChatCompletionChunkJson(CompletionResult completion, bool includeUsage)
{
    public void WriteRole(Utf8JsonWriter writer)
    {
        WriteStart(writer);
        writer.WriteString("role", "assistant");
        writer.WriteString("content", "");
        WriteEnd(writer, finishReason: null);
    }

    public void WriteContent(Utf8JsonWriter writer, ReadOnlySpan<char> content)
    {
        WriteStart(writer);
        writer.WriteString("content", content);
        WriteEnd(writer, finishReason: null);
    }

    public void WriteToolCallStart(Utf8JsonWriter writer, int index, PlannedToolCall call)
    {
        WriteStart(writer);
        writer.WriteStartArray("tool_calls");
        writer.WriteStartObject();
        writer.WriteNumber("index", index);
        writer.WriteString("id", call.Id);
        writer.WriteString("type", "function");
        writer.WriteStartObject("function");
        writer.WriteString("name", call.Name);
        writer.WriteString("arguments", "");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        WriteEnd(writer, finishReason: null);
    }

    public void WriteToolCallArguments(Utf8JsonWriter writer, int index, ReadOnlySpan<char> fragment)
    {
        WriteStart(writer);
        writer.WriteStartArray("tool_calls");
        writer.WriteStartObject();
        writer.WriteNumber("index", index);
        writer.WriteStartObject("function");
        writer.WriteString("arguments", fragment);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        WriteEnd(writer, finishReason: null);
    }

    public void WriteFinish(Utf8JsonWriter writer)
    {
        WriteStart(writer);
        WriteEnd(writer, completion.FinishReason);
    }

    public void WriteUsage(Utf8JsonWriter writer)
    {
        WriteHeader(writer);
        writer.WriteStartArray("choices");
        writer.WriteEndArray();
        ChatCompletionJson.WriteUsage(writer, completion.Usage);
        writer.WriteEndObject();
    }

    private void WriteHeader(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", completion.Id);
        writer.WriteString("object", "chat.completion.chunk");
        writer.WriteNumber("created", completion.Created);
        writer.WriteString("model", completion.Model);
    }

    private void WriteStart(Utf8JsonWriter writer)
    {
        WriteHeader(writer);
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("delta");
    }

    private void WriteEnd(Utf8JsonWriter writer, string? finishReason)
    {
        writer.WriteEndObject();
        writer.WriteNull("logprobs");
        writer.WriteString("finish_reason", finishReason);
        writer.WriteEndObject();
        writer.WriteEndArray();
        if (includeUsage)
        {
            writer.WriteNull("usage");
        }

        writer.WriteEndObject();
    }
}
