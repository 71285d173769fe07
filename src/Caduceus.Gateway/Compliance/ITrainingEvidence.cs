namespace Caduceus.Gateway.Compliance;

/// <summary>Where training records come from. Until a training module provides them, <see cref="NoTrainingEvidence"/> reports none.</summary>
internal interface ITrainingEvidence
{
    Task<SourceRead<TrainingSummary>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
