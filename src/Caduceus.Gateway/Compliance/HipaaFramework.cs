namespace Caduceus.Gateway.Compliance;

/// <summary>The HIPAA Security Rule: the technical safeguards (45 CFR 164.312) and the administrative ones the gateway has records for.</summary>
internal static class HipaaFramework
{
    public static ComplianceFramework Create() => new("hipaa", "HIPAA Security Rule (45 CFR 164.308, 164.312)",
    [
        new("164.308(a)(1)(ii)(A)", "Risk analysis (inputs: AI systems, PHI flows, threats seen)", RiskAnalysisEvaluator.Evaluate),
        new("164.308(a)(5)", "Security awareness and training", TrainingEvaluator.Evaluate),
        new("164.308(a)(6)", "Security incident procedures", IncidentResponseEvaluator.Evaluate),
        new("164.312(a)(1)", "Access control: unique user identification and least privilege", AccessControlEvaluator.UniqueIdentification),
        new("164.312(a)(2)(iii)", "Automatic logoff", AccessControlEvaluator.AutomaticLogoff),
        new("164.312(a)(2)(iv)", "Encryption and decryption (at rest)", EncryptionAtRestEvaluator.Evaluate),
        new("164.312(b)", "Audit controls", AuditControlEvaluator.Evaluate),
        new("164.312(c)(1)", "Integrity", IntegrityEvaluator.Evaluate),
        new("164.312(d)", "Person or entity authentication", AuthenticationEvaluator.Evaluate),
        new("164.312(e)(1)", "Transmission security", TransmissionSecurityEvaluator.Evaluate),
    ]);
}
