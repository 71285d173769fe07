using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Training;

/// <summary>Standings computed from the register and the configured courses: the report, the summary, and one person's standing.</summary>
public sealed class TrainingRecords(ITrainingStore store, IOptions<TrainingOptions> options, TimeProvider timeProvider) : ITrainingRecords
{
    private TrainingOptions Options => options.Value;

    public DateOnly Today => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    public async Task<TrainingSummary> SummaryAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var day = asOf ?? Today;
        var everyone = await StandingsAsync(day, cancellationToken);
        var courses = Options.EffectiveCourses.Select(course =>
        {
            var standings = everyone.SelectMany(person => person.Courses).Where(c => c.CourseId == course.Id).ToArray();
            return new CourseSummary(
                course.Id,
                course.Title,
                standings.Length,
                standings.Count(c => !c.IsOverdue),
                standings.Count(c => c.State == CourseState.Expiring),
                standings.Count(c => c.IsOverdue));
        }).ToArray();
        return new TrainingSummary(day, everyone.Count, everyone.Count(p => p.IsOverdue), everyone.Count(p => !p.IsOverdue && p.IsExpiring), courses);
    }

    public async Task<TrainingReport> ReportAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var day = asOf ?? Today;
        var listed = (await StandingsAsync(day, cancellationToken))
            .Where(person => person.IsOverdue || person.IsExpiring)
            .OrderBy(person => person.IsOverdue ? 0 : 1)
            .ThenBy(person => person.PersonId, StringComparer.Ordinal)
            .ToArray();
        return new TrainingReport(day, day.AddDays((int)Options.ExpiringWithin.TotalDays), listed);
    }

    /// <summary>Everyone in the register, each with their standing on <paramref name="asOf"/>.</summary>
    public async Task<IReadOnlyList<PersonStanding>> StandingsAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var people = await store.ListPeopleAsync(cancellationToken);
        var completions = (await store.ListCompletionsAsync(null, cancellationToken)).ToLookup(c => c.PersonId, StringComparer.Ordinal);
        return people.Select(person => PersonStanding.Of(
            person.Id, person.DisplayName, person.Roles, completions[person.Id], Options.EffectiveCourses, asOf, Options.ExpiringWithin)).ToArray();
    }

    /// <summary>
    /// The standing today of whoever acts as <paramref name="principal"/> in a role that <paramref name="actingAs"/>
    /// adds to their registered ones (an admin action needs admin training). Someone not in the register holds no
    /// completion, so every course the acting role needs is missing.
    /// </summary>
    public async Task<PersonStanding> StandingForAsync(string principal, string actingAs, CancellationToken cancellationToken)
    {
        var person = await store.GetPersonAsync(principal, cancellationToken);
        var roles = TrainingRoles.All.Where(role => role == actingAs || (person?.Roles.Contains(role) ?? false)).ToArray();
        var completions = person is null ? [] : await store.ListCompletionsAsync(principal, cancellationToken);
        return PersonStanding.Of(principal, person?.DisplayName, roles, completions, Options.EffectiveCourses, Today, Options.ExpiringWithin);
    }
}
