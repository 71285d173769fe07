namespace Caduceus.Gateway.Training;

/// <summary>Where a person stands on every course their roles require; <see cref="DisplayName"/> is null for an unregistered identity.</summary>
public sealed record PersonStanding(string PersonId, string? DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<CourseStanding> Courses)
{
    public IReadOnlyList<CourseStanding> Overdue => Courses.Where(course => course.IsOverdue).ToArray();

    public bool IsOverdue => Courses.Any(course => course.IsOverdue);

    public bool IsExpiring => Courses.Any(course => course.State == CourseState.Expiring);

    /// <summary>
    /// The standing of someone with <paramref name="roles"/> on <paramref name="asOf"/>: for each course a role needs,
    /// the completion that holds longest among those made by then.
    /// </summary>
    public static PersonStanding Of(
        string personId, string? displayName, IReadOnlyList<string> roles, IEnumerable<TrainingCompletion> completions,
        IReadOnlyList<TrainingCourseOptions> courses, DateOnly asOf, TimeSpan expiringWithin)
    {
        var made = completions.Where(c => c.PersonId == personId && c.CompletedOn <= asOf).ToArray();
        var horizon = asOf.AddDays((int)expiringWithin.TotalDays);
        var standings = courses.Where(course => course.IsRequiredFor(roles)).Select(course =>
        {
            var latest = made.Where(c => c.CourseId == course.Id).MaxBy(c => c.ExpiresOn);
            var state = latest is null ? CourseState.Missing
                : latest.ExpiresOn <= asOf ? CourseState.Expired
                : latest.ExpiresOn <= horizon ? CourseState.Expiring
                : CourseState.Current;
            return new CourseStanding(course.Id, course.Title, state, latest?.CompletedOn, latest?.ExpiresOn);
        }).ToArray();
        return new PersonStanding(personId, displayName, roles, standings);
    }
}
