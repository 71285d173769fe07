namespace Caduceus.TestModel.Protocol;

/// <summary>A function call to send, with its arguments already rendered as JSON text.</summary>
internal sealed record PlannedToolCall(string Id, string Name, string Arguments);
