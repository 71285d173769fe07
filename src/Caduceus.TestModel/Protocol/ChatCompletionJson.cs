using System.Text.Json;

namespace Caduceus.TestModel.Protocol;

/// <summary>Writes the non-streaming <c>chat.completion</c> object.</summary>
internal static class ChatCompletionJson
{
    public static void Write(Utf8JsonWriter writer, CompletionResult completion)
    {
        writer.WriteStartObject();
        writer.WriteString("id", completion.Id);
        writer.WriteString("object", "chat.completion");
        writer.WriteNumber("created", completion.Created);
        writer.WriteString("model", completion.Model);

        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("message");
        writer.WriteString("role", "assistant");
        writer.WriteString("content", completion.Content);
        writer.WriteNull("refusal");
        if (completion.ToolCalls.Count > 0)
        {
            writer.WriteStartArray("tool_calls");
            foreach (var call in completion.ToolCalls)
            {
                writer.WriteStartObject();
                writer.WriteString("id", call.Id);
                writer.WriteString("type", "function");
                writer.WriteStartObject("function");
                writer.WriteString("name", call.Name);
                writer.WriteString("arguments", call.Arguments);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteNull("logprobs");
        writer.WriteString("finish_reason", completion.FinishReason);
        writer.WriteEndObject();
        writer.WriteEndArray();

        WriteUsage(writer, completion.Usage);
        writer.WriteEndObject();
    }

    public static void WriteUsage(Utf8JsonWriter writer, TokenUsage usage)
    {
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", usage.PromptTokens);
        writer.WriteNumber("completion_tokens", usage.CompletionTokens);
        writer.WriteNumber("total_tokens", usage.TotalTokens);
        writer.WriteEndObject();
    }
}
