namespace Caduceus.Gateway.Training;

/// <summary>A recorded completion as JSON.</summary>
public sealed record TrainingCompletionView(string Person, string Course, string CompletedOn, string ExpiresOn, string? Evidence, string RecordedBy)
{
    public static TrainingCompletionView From(TrainingCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return new(
            completion.PersonId, completion.CourseId, TrainingCourseView.Date(completion.CompletedOn)!, TrainingCourseView.Date(completion.ExpiresOn)!,
            completion.Evidence, completion.RecordedBy);
    }
}
