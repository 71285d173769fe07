namespace Caduceus.Gateway.Training;

/// <summary>The training register in numbers on <see cref="AsOf"/>; see <see cref="ITrainingRecords.SummaryAsync"/>.</summary>
public sealed record TrainingSummary(DateOnly AsOf, int People, int Overdue, int Expiring, IReadOnlyList<CourseSummary> Courses);
