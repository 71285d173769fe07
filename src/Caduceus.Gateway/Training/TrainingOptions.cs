namespace Caduceus.Gateway.Training;

/// <summary>Staff training requirements (<c>Training</c>), validated at start-up.</summary>
public sealed class TrainingOptions
{
    public const string SectionName = "Training";

    /// <summary>The required courses; none configured means <see cref="DefaultCourses"/>.</summary>
    public List<TrainingCourseOptions> Courses { get; set; } = [];

    /// <summary>
    /// Refuse admin actions to people whose required training has lapsed or is missing. Unset (the default) means on
    /// as soon as the training register holds anyone: a deployment that keeps no records yet is not locked out by an
    /// upgrade, and one that does keep them is enforced without a second switch. <c>true</c> or <c>false</c> decides outright.
    /// </summary>
    public bool? EnforceForAdminActions { get; set; }

    /// <summary>How far ahead <c>training report</c> and the summary look for completions about to expire.</summary>
    public TimeSpan ExpiringWithin { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The configured courses, or the defaults when none are configured.</summary>
    public IReadOnlyList<TrainingCourseOptions> EffectiveCourses => Courses.Count > 0 ? Courses : DefaultCourses();

    /// <summary>HIPAA security awareness and safe use of AI yearly for everyone; phishing awareness every six months.</summary>
    public static IReadOnlyList<TrainingCourseOptions> DefaultCourses() =>
    [
        new() { Id = "hipaa-security-awareness", Title = "HIPAA security awareness", ValidFor = TimeSpan.FromDays(365), RequiredForRoles = [.. TrainingRoles.All] },
        new() { Id = "ai-safe-use", Title = "Safe use of AI with patient data", ValidFor = TimeSpan.FromDays(365), RequiredForRoles = [.. TrainingRoles.All] },
        new() { Id = "phishing", Title = "Phishing awareness", ValidFor = TimeSpan.FromDays(180), RequiredForRoles = [.. TrainingRoles.All] },
    ];
}
