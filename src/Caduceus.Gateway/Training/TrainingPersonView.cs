namespace Caduceus.Gateway.Training;

/// <summary>A person and their standing as JSON; in a report only the courses that need attention are listed.</summary>
public sealed record TrainingPersonView(string Id, string? DisplayName, IReadOnlyList<string> Roles, bool Overdue, IReadOnlyList<TrainingCourseView> Courses)
{
    public static TrainingPersonView From(PersonStanding standing, bool onlyNeedingAttention = false)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var courses = standing.Courses.Where(c => !onlyNeedingAttention || c.State != CourseState.Current).Select(TrainingCourseView.From).ToArray();
        return new(standing.PersonId, standing.DisplayName, standing.Roles, standing.IsOverdue, courses);
    }
}
