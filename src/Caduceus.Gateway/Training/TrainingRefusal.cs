namespace Caduceus.Gateway.Training;

/// <summary>Why an admin action was refused for training: the message for the person, the event id, and the overdue course ids.</summary>
internal sealed record TrainingRefusal(string Detail, string EventId, IReadOnlyList<string> OverdueCourses);
