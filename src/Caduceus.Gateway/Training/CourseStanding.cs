namespace Caduceus.Gateway.Training;

/// <summary>A person's standing on one required course: its state and their latest completion, if any.</summary>
public sealed record CourseStanding(string CourseId, string Title, CourseState State, DateOnly? CompletedOn, DateOnly? ExpiresOn)
{
    public bool IsOverdue => State is CourseState.Expired or CourseState.Missing;

    /// <summary>"phishing (expired 2026-01-01)", "ai-safe-use (never completed)": for refusals and reports.</summary>
    public string Describe() => State switch
    {
        CourseState.Missing => $"{CourseId} (never completed)",
        CourseState.Expired => $"{CourseId} (expired {ExpiresOn:yyyy-MM-dd})",
        CourseState.Expiring => $"{CourseId} (expires {ExpiresOn:yyyy-MM-dd})",
        _ => $"{CourseId} (valid until {ExpiresOn:yyyy-MM-dd})",
    };
}
