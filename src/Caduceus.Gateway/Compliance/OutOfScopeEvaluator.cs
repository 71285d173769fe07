namespace Caduceus.Gateway.Compliance;

/// <summary>OWASP risks outside what a gateway in front of models does, stated as such rather than claimed.</summary>
internal static class OutOfScopeEvaluator
{
    public static ControlResult DataAndModelPoisoning(ControlDefinition control) =>
        new ControlEvidence(control)
            .Add("training or fine-tuning on traffic", "none")
            .Add("built-in detector models", "hashes checked at every start")
            .NotApplicable("The gateway neither trains nor fine-tunes the models behind it, and keeps no training data; its own detector models are covered under LLM03.");

    public static ControlResult VectorAndEmbeddingWeaknesses(ControlDefinition control) =>
        new ControlEvidence(control)
            .Add("vector store or retrieval", "none")
            .NotApplicable("The gateway keeps no vector store and does no retrieval; retrieved text an application sends as tool results is inspected as under LLM01.");

    public static ControlResult Misinformation(ControlDefinition control) =>
        new ControlEvidence(control)
            .Add("answer grounding or fact checking", "none")
            .Gap("The gateway does not check answers for accuracy; clinical review of AI answers has to come from the organisation.");
}
