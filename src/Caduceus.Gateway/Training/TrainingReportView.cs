namespace Caduceus.Gateway.Training;

/// <summary>The overdue report as JSON (admin API and <c>training report --json</c>).</summary>
public sealed record TrainingReportView(string AsOf, string ExpiringBefore, int OverdueCount, int ExpiringCount, IReadOnlyList<TrainingPersonView> People)
{
    public static TrainingReportView From(TrainingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            TrainingCourseView.Date(report.AsOf)!,
            TrainingCourseView.Date(report.ExpiringBefore)!,
            report.OverdueCount,
            report.ExpiringCount,
            report.People.Select(p => TrainingPersonView.From(p, onlyNeedingAttention: true)).ToArray());
    }
}
