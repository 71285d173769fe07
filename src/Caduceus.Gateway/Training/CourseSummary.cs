namespace Caduceus.Gateway.Training;

/// <summary>
/// One course across staff: how many people must hold it (<see cref="Required"/>), how many do (<see cref="Current"/>,
/// including those expiring soon), how many of those expire soon, and how many are overdue.
/// </summary>
public sealed record CourseSummary(string CourseId, string Title, int Required, int Current, int Expiring, int Overdue)
{
    /// <summary>Share of those required who hold a valid completion; 1 when nobody is required.</summary>
    public double CompletionRate => Required == 0 ? 1 : (double)Current / Required;
}
