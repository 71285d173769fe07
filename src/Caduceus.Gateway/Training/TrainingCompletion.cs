namespace Caduceus.Gateway.Training;

/// <summary>A person's completion of a course; <see cref="ExpiresOn"/> was computed from the course when it was recorded.</summary>
public sealed record TrainingCompletion
{
    public required string PersonId { get; init; }

    public required string CourseId { get; init; }

    public required DateOnly CompletedOn { get; init; }

    /// <summary>The first day the completion no longer holds.</summary>
    public required DateOnly ExpiresOn { get; init; }

    /// <summary>A reference to the proof (certificate or LMS record number); never a note about patients.</summary>
    public string? Evidence { get; init; }

    /// <summary>Who recorded it: the admin's identity or <c>cli:USER</c>.</summary>
    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
