using Caduceus.TestModel.Protocol;

namespace Caduceus.TestModel.Scripting;

/// <summary>A validated <see cref="TestModelToolCall"/> whose arguments are a JSON text template.</summary>
internal sealed record CompiledToolCall(string? Id, string Name, ReplyTemplate Arguments)
{
    public PlannedToolCall Render(ChatRequest request) =>
        new(Id ?? OpenAiIds.NewToolCallId(), Name, Arguments.Render(request, jsonEscape: true));
}
