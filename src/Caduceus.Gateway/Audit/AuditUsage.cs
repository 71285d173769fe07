namespace Caduceus.Gateway.Audit;

/// <summary>Token usage the model reported.</summary>
public sealed record AuditUsage(long PromptTokens, long CompletionTokens, long TotalTokens);
