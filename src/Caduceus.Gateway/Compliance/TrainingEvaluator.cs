namespace Caduceus.Gateway.Compliance;

/// <summary>Security awareness and training (HIPAA 164.308(a)(5); NIST AI RMF GOVERN 2.2): current records for everyone, none overdue.</summary>
internal static class TrainingEvaluator
{
    public static ControlResult Evaluate(ControlDefinition control, ComplianceState state)
    {
        var evidence = new ControlEvidence(control);
        if (state.Training.Value is not { } training)
        {
            return evidence.Gap($"Training cannot be shown: {state.Training.Problem}.");
        }

        evidence.Add("people with training records", training.People)
            .Add("training current", training.Current)
            .Add("training overdue", training.Overdue)
            .Add("last training completed", training.LastCompletedAt);
        if (training.People == 0)
        {
            return evidence.Gap("There are no training records.");
        }

        return training.Overdue > 0
            ? evidence.Gap($"{training.Overdue} of {training.People} people are overdue for training.")
            : evidence.Pass($"All {training.People} people with training records are current.");
    }
}
