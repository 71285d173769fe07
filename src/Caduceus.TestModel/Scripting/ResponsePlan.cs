using Caduceus.TestModel.Protocol;

namespace Caduceus.TestModel.Scripting;

/// <summary>What the stand-in model will answer to one request, decided by the script before anything is sent.</summary>
/// <param name="RuleIndex">The index of the matching rule, or null for the default echo.</param>
/// <param name="Content">The assistant text; null when the answer is only tool calls.</param>
/// <param name="ToolCalls">Function calls to make.</param>
/// <param name="ChunkSize">Characters per streamed delta.</param>
/// <param name="Delay">Wait before answering.</param>
/// <param name="ChunkDelay">Wait between streamed events.</param>
/// <param name="Error">When set, answer with this error instead of a completion.</param>
internal sealed record ResponsePlan(
    int? RuleIndex,
    string? Content,
    IReadOnlyList<PlannedToolCall> ToolCalls,
    int ChunkSize,
    TimeSpan Delay,
    TimeSpan ChunkDelay,
    OpenAiError? Error)
{
    public string FinishReason => ToolCalls.Count > 0 ? "tool_calls" : "stop";

    public static ResponsePlan Echo(ChatRequest request) =>
        new(null, "Echo: " + request.LastUserText, [], TestModelRule.DefaultChunkSize, TimeSpan.Zero, TimeSpan.Zero, null);
}
