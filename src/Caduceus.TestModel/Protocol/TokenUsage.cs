namespace Caduceus.TestModel.Protocol;

/// <summary>The <c>usage</c> object of a completion.</summary>
internal readonly record struct TokenUsage(int PromptTokens, int CompletionTokens)
{
    public int TotalTokens => PromptTokens + CompletionTokens;
}
