namespace Caduceus.Gateway.Training;

/// <summary>
/// Read access to the training register for reports (compliance reports, the CLI): who is overdue, and how each
/// course stands across staff. Read-only; changes go through the admin API or <c>caduceus training</c>.
/// </summary>
public interface ITrainingRecords
{
    /// <summary>Counts on <paramref name="asOf"/> (default today): people, overdue, expiring soon, and per course.</summary>
    Task<TrainingSummary> SummaryAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default);

    /// <summary>Everyone overdue or expiring within <see cref="TrainingOptions.ExpiringWithin"/> of <paramref name="asOf"/> (default today).</summary>
    Task<TrainingReport> ReportAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default);
}
