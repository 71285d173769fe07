namespace Caduceus.RedTeam.Running;

/// <summary>One chat message of a drill request. <paramref name="ToolCallId"/> links a tool result to the call it answers.</summary>
internal sealed record DrillMessage(string Role, string? Content, string? ToolCallId = null, string? CallsTool = null);
