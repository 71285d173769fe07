namespace Caduceus.TestModel.Protocol;

/// <summary>One request message reduced to what the scripted model looks at: its role and its text.</summary>
/// <param name="Role">The OpenAI role (system, developer, user, assistant, tool, …).</param>
/// <param name="Text">The string content, or the concatenated <c>text</c> parts of array content; empty when there is none.</param>
internal readonly record struct ChatRequestMessage(string Role, string Text);
