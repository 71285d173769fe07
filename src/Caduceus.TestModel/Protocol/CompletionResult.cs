namespace Caduceus.TestModel.Protocol;

/// <summary>Everything sent back for one successful request, streamed or not.</summary>
internal sealed record CompletionResult(
    string Id,
    long Created,
    string Model,
    string? Content,
    IReadOnlyList<PlannedToolCall> ToolCalls,
    string FinishReason,
    TokenUsage Usage);
