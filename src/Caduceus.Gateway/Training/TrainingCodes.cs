namespace Caduceus.Gateway.Training;

/// <summary>Refusal codes, security event types and change codes of staff training records.</summary>
public static class TrainingCodes
{
    /// <summary>An admin action by a person whose required training has lapsed or was never recorded.</summary>
    public const string TrainingLapsed = "training_lapsed";

    /// <summary>A person tried to record a completion of their own through the admin API.</summary>
    public const string SelfAttestationRefused = "self_attestation_refused";

    /// <summary>Raised on each <see cref="TrainingLapsed"/> refusal; the code lists the overdue course ids.</summary>
    public const string LapsedEvent = "training.lapsed";

    /// <summary>Raised on each change to the register; the code is <see cref="PersonAdded"/>, <see cref="PersonUpdated"/> or <see cref="CompletionRecorded"/>.</summary>
    public const string ChangedEvent = "training.changed";

    public const string PersonAdded = "person_added";
    public const string PersonUpdated = "person_updated";
    public const string CompletionRecorded = "completion_recorded";

    /// <summary>The audit record kind of register changes.</summary>
    public const string AuditKind = "training";
}
