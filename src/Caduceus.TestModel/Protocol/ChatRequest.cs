namespace Caduceus.TestModel.Protocol;

/// <summary>The parts of an OpenAI chat completion request the stand-in model uses.</summary>
internal sealed record ChatRequest(string Model, IReadOnlyList<ChatRequestMessage> Messages, bool Stream, bool IncludeUsage)
{
    /// <summary>The function names the request offers in <c>tools</c> (and the older <c>functions</c>).</summary>
    public IReadOnlyList<string> ToolNames { get; init; } = [];

    /// <summary>The model name used when a request names none.</summary>
    public const string DefaultModel = "caduceus-test-model";

    /// <summary>Text of the last <c>user</c> message, or empty.</summary>
    public string LastUserText => LastText("user");

    /// <summary>Text of the last <c>tool</c> message, or empty.</summary>
    public string LastToolText => LastText("tool");

    /// <summary>Text of all <c>system</c> and <c>developer</c> messages (newer OpenAI clients send the latter), one per line.</summary>
    public string SystemText => string.Join('\n', Messages.Where(m => m.Role is "system" or "developer").Select(m => m.Text));

    private string LastText(string role)
    {
        for (var i = Messages.Count - 1; i >= 0; i--)
        {
            if (Messages[i].Role == role)
            {
                return Messages[i].Text;
            }
        }

        return "";
    }
}
