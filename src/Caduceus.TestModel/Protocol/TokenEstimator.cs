namespace Caduceus.TestModel.Protocol;

/// <summary>
/// A deterministic stand-in for a tokenizer: one token per started four characters (OpenAI's rule of thumb for
/// English). Prompt tokens count the text of every request message; completion tokens count the reply text
/// plus each tool call's name and arguments.
/// </summary>
internal static class TokenEstimator
{
    private const int CharactersPerToken = 4;

    public static int Estimate(string text) => (text.Length + CharactersPerToken - 1) / CharactersPerToken;

    public static TokenUsage Estimate(ChatRequest request, string? content, IReadOnlyList<PlannedToolCall> toolCalls)
    {
        var prompt = request.Messages.Sum(m => Estimate(m.Text));
        var completion = Estimate(content ?? "") + toolCalls.Sum(c => Estimate(c.Name) + Estimate(c.Arguments));
        return new TokenUsage(prompt, completion);
    }
}
