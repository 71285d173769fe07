namespace Caduceus.Gateway.Compliance;

/// <summary>Where scheduled drill results come from: the drill scheduler's stored results (<see cref="ScheduledDrillEvidence"/>).</summary>
internal interface IDrillResultEvidence
{
    Task<SourceRead<DrillResultSummary>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
