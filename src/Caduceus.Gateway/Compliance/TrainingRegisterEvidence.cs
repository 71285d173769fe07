using Caduceus.Gateway.Training;

namespace Caduceus.Gateway.Compliance;

/// <summary>Training evidence from the gateway's own training register (<see cref="ITrainingRecords"/>): counts only.</summary>
internal sealed class TrainingRegisterEvidence(ITrainingRecords records) : ITrainingEvidence
{
    public async Task<SourceRead<TrainingSummary>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await records.SummaryAsync(DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
            return SourceRead<TrainingSummary>.Ok(new TrainingSummary(summary.People, summary.People - summary.Overdue, summary.Overdue, LastCompletedAt: null));
        }
        catch (System.Data.Common.DbException exception)
        {
            return SourceRead<TrainingSummary>.Unreadable("the training register could not be read: " + exception.Message);
        }
    }
}
