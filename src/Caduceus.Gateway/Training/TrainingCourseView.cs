using System.Globalization;

namespace Caduceus.Gateway.Training;

/// <summary>A person's standing on one course as JSON: state <c>current</c>, <c>expiring</c>, <c>expired</c> or <c>missing</c>.</summary>
public sealed record TrainingCourseView(string Course, string Title, string State, string? CompletedOn, string? ExpiresOn)
{
    public static TrainingCourseView From(CourseStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return new(standing.CourseId, standing.Title, StateName(standing.State), Date(standing.CompletedOn), Date(standing.ExpiresOn));
    }

    public static string StateName(CourseState state) => state switch
    {
        CourseState.Current => "current",
        CourseState.Expiring => "expiring",
        CourseState.Expired => "expired",
        _ => "missing",
    };

    internal static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
