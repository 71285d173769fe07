namespace Caduceus.Gateway.Compliance;

/// <summary>Google's Secure AI Framework: its six core elements.</summary>
internal static class SaifFramework
{
    public static ComplianceFramework Create() => new("saif", "Google Secure AI Framework (SAIF)",
    [
        new("SAIF 1", "Expand strong security foundations to the AI ecosystem", Foundations),
        new("SAIF 2", "Extend detection and response to bring AI into the threat universe", MonitoringEvaluator.DetectionAndResponse),
        new("SAIF 3", "Automate defenses to keep pace with existing and new threats", MonitoringEvaluator.AutomatedDefenses),
        new("SAIF 4", "Harmonize platform-level controls for consistent security", PolicyEvaluator.ConsistentBaseline),
        new("SAIF 5", "Adapt controls with faster feedback loops (testing)", SecurityTestingEvaluator.Evaluate),
        new("SAIF 6", "Contextualize AI system risks in surrounding business processes", InventoryEvaluator.IntendedPurpose),
    ]);

    /// <summary>Encryption at rest, TLS and audit together: the foundations pass only when each of them does.</summary>
    private static ControlResult Foundations(ControlDefinition control, ComplianceState state)
    {
        var parts = new[]
        {
            EncryptionAtRestEvaluator.Evaluate(new("164.312(a)(2)(iv)", "Encryption at rest"), state),
            TransmissionSecurityEvaluator.Evaluate(new("164.312(e)(1)", "Transmission security"), state),
            AuditControlEvaluator.Evaluate(new("164.312(b)", "Audit controls"), state),
        };
        var evidence = new ControlEvidence(control);
        foreach (var part in parts)
        {
            evidence.Add($"{part.Title} (HIPAA {part.Id})", ControlStatusText.Of(part.Status));
        }

        var gaps = parts.Where(p => p.Status != ControlStatus.Pass).Select(p => $"{p.Title}: {p.Reason}").ToArray();
        return evidence.PassUnless(gaps, "Encryption at rest, TLS in transit and a verifying audit trail are all in place (see the HIPAA report for their evidence).");
    }
}
