namespace Caduceus.Gateway.Compliance;

/// <summary>The OWASP Top 10 for LLM Applications 2025, LLM01 to LLM10.</summary>
internal static class OwaspLlmFramework
{
    public static ComplianceFramework Create() => new("owasp-llm", "OWASP Top 10 for LLM Applications 2025",
    [
        new("LLM01", "Prompt Injection", PolicyEvaluator.PromptInjection),
        new("LLM02", "Sensitive Information Disclosure", PolicyEvaluator.SensitiveInformation),
        new("LLM03", "Supply Chain", InventoryEvaluator.SupplyChain),
        new("LLM04", "Data and Model Poisoning", (control, _) => OutOfScopeEvaluator.DataAndModelPoisoning(control)),
        new("LLM05", "Improper Output Handling", PolicyEvaluator.OutputHandling),
        new("LLM06", "Excessive Agency", ToolEvaluator.Evaluate),
        new("LLM07", "System Prompt Leakage", PolicyEvaluator.SystemPromptLeakage),
        new("LLM08", "Vector and Embedding Weaknesses", (control, _) => OutOfScopeEvaluator.VectorAndEmbeddingWeaknesses(control)),
        new("LLM09", "Misinformation", (control, _) => OutOfScopeEvaluator.Misinformation(control)),
        new("LLM10", "Unbounded Consumption", ConsumptionEvaluator.Evaluate),
    ]);
}
