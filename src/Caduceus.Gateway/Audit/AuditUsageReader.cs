using System.Text.Json.Nodes;

namespace Caduceus.Gateway.Audit;

/// <summary>Reads the OpenAI <c>usage</c> object of an answer or a stream chunk; null when absent or malformed.</summary>
internal static class AuditUsageReader
{
    public static AuditUsage? From(JsonObject answer) =>
        answer["usage"] is JsonObject usage && Count(usage, "prompt_tokens") is { } prompt && Count(usage, "completion_tokens") is { } completion
            ? new AuditUsage(prompt, completion, Count(usage, "total_tokens") ?? prompt + completion)
            : null;

    private static long? Count(JsonObject usage, string name) =>
        usage[name] is JsonValue value && value.TryGetValue<long>(out var count) && count >= 0 ? count : null;
}
