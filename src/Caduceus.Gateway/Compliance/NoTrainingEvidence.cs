namespace Caduceus.Gateway.Compliance;

/// <summary>The gateway keeps no training records yet: every control that needs them is a gap.</summary>
internal sealed class NoTrainingEvidence : ITrainingEvidence
{
    public Task<SourceRead<TrainingSummary>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(SourceRead<TrainingSummary>.Unreadable("no training records: this gateway does not record workforce training"));
}
