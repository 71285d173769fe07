namespace Caduceus.Gateway.Compliance;

/// <summary>NIST AI RMF 1.0: the subcategories of the Govern, Map, Measure and Manage functions the gateway has evidence for.</summary>
internal static class NistAiRmfFramework
{
    public static ComplianceFramework Create() => new("nist-ai-rmf", "NIST AI Risk Management Framework 1.0",
    [
        new("GOVERN 1.6", "Mechanisms are in place to inventory AI systems", InventoryEvaluator.Inventory),
        new("GOVERN 2.2", "Personnel receive AI risk management training", TrainingEvaluator.Evaluate),
        new("GOVERN 4.3", "Practices enable AI testing, identification of incidents and information sharing", SecurityTestingEvaluator.Evaluate),
        new("MAP 1.1", "Intended purposes and deployment context are documented", InventoryEvaluator.IntendedPurpose),
        new("MAP 5.1", "Likelihood and magnitude of impacts are identified", InventoryEvaluator.RiskTiers),
        new("MEASURE 2.4", "The AI system is monitored in production", MonitoringEvaluator.ProductionMonitoring),
        new("MEASURE 2.7", "AI system security and resilience are evaluated", SecurityTestingEvaluator.Evaluate),
        new("MANAGE 2.4", "Mechanisms exist to supersede, disengage or deactivate AI systems", MonitoringEvaluator.Deactivation),
        new("MANAGE 4.3", "Incidents are tracked, responded to and communicated", IncidentResponseEvaluator.Evaluate),
    ]);
}
