namespace Caduceus.Gateway.Training;

/// <summary>One required course (<c>Training:Courses</c>): who must take it and how long a completion holds.</summary>
public sealed class TrainingCourseOptions
{
    /// <summary>Lower-case letters, digits and dashes (<c>hipaa-security-awareness</c>); what records and refusals name.</summary>
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>How long a completion holds, in whole days (e.g. <c>365.00:00:00</c>).</summary>
    public TimeSpan ValidFor { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The <see cref="TrainingRoles"/> that must hold a current completion.</summary>
    public List<string> RequiredForRoles { get; set; } = [];

    /// <summary>True when a person with any of <paramref name="roles"/> must take the course.</summary>
    public bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(role => RequiredForRoles.Contains(role, StringComparer.Ordinal));

    /// <summary>The last day a completion on <paramref name="completedOn"/> holds is the day before this one.</summary>
    public DateOnly ExpiryOf(DateOnly completedOn) => completedOn.AddDays((int)ValidFor.TotalDays);
}
