namespace Caduceus.Gateway.Compliance;

/// <summary>Where training records come from: the gateway's training register (<see cref="TrainingRegisterEvidence"/>).</summary>
internal interface ITrainingEvidence
{
    Task<SourceRead<TrainingSummary>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
