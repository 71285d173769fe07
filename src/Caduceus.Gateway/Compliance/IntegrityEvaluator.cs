namespace Caduceus.Gateway.Compliance;

/// <summary>
/// Integrity (HIPAA 164.312(c)(1)): stored PHI is sealed with authenticated encryption (alteration is detected), and
/// the record of what happened to it is tamper-evident (hash chain with signed checkpoints).
/// </summary>
internal static class IntegrityEvaluator
{
    public static ControlResult Evaluate(ControlDefinition control, ComplianceState state)
    {
        var integrity = state.Settings.Gateway.Models.Integrity;
        var evidence = new ControlEvidence(control)
            .Add("Models:Integrity:ManifestFile", integrity.ManifestFile is { Length: > 0 } manifest ? manifest : "not set");
        var gaps = new List<string>();
        if (state.Keyring.Value is { } keyring)
        {
            evidence.Add("authenticated encryption data keys", keyring.DataKeys.Count);
            if (keyring.DataKeys.Count == 0)
            {
                gaps.Add("No data keys exist, so no stored PHI is shown to be sealed.");
            }
        }
        else
        {
            gaps.Add($"The encryption keyring cannot be read: {state.Keyring.Problem}.");
        }

        if (state.Audit.Value is { } trail)
        {
            evidence.Add("audit chain intact", trail.Intact).Add("signed checkpoints", trail.Checkpoints);
            if (trail.Records == 0 || !trail.Intact || trail.Checkpoints == 0)
            {
                gaps.Add("The audit trail is empty, broken or unsigned (see 164.312(b)).");
            }
        }
        else
        {
            gaps.Add($"The audit trail cannot be verified: {state.Audit.Problem}.");
        }

        return evidence.PassUnless(gaps, "Stored PHI is sealed with AES-256-GCM, which detects any alteration, and the audit trail's hash chain and signed checkpoints verify.");
    }
}
