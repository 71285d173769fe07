namespace Caduceus.Gateway.Compliance;

/// <summary>Audit controls (HIPAA 164.312(b)): a trail that exists, verifies end to end, and carries a signed checkpoint.</summary>
internal static class AuditControlEvaluator
{
    public static ControlResult Evaluate(ControlDefinition control, ComplianceState state)
    {
        var audit = state.Settings.Gateway.Audit;
        var evidence = new ControlEvidence(control)
            .Add("Audit:Store", audit.Store)
            .Add("Audit:RetentionDays", audit.RetentionDays)
            .Add("Audit:CheckpointEveryRecords", audit.CheckpointEveryRecords);
        if (state.Audit.Value is not { } trail)
        {
            return evidence.Gap($"The audit trail cannot be shown: {state.Audit.Problem}.");
        }

        evidence.Add("audit records", trail.Records)
            .Add("signed checkpoints", trail.Checkpoints)
            .Add("last checkpoint at record", trail.LastCheckpointSequence ?? 0)
            .Add("last checkpoint signed at", trail.LastCheckpointSignedAt);
        if (trail.Records == 0)
        {
            return evidence.Gap("The audit trail holds no records, so nothing shows that activity is recorded.");
        }

        if (!trail.Intact)
        {
            evidence.Add("broken at record", trail.BrokenSequence ?? 0);
            return evidence.Gap($"The audit trail does not verify: record {trail.BrokenSequence}: {trail.BrokenReason}.");
        }

        evidence.Add("chain verified up to record", trail.Records);
        return trail.Checkpoints == 0
            ? evidence.Gap("The hash chain verifies but no signed checkpoint exists, so a rewritten chain could not be told apart.")
            : evidence.Pass($"Every request is recorded; the hash chain of {trail.Records} records verifies and {trail.Checkpoints} signed checkpoints check out.");
    }
}
